// Connection properties for org.fusionjdbc.jdbc.FusionDriver from the dialog fields. The dialog's "password"
// field carries the chosen mode's secret; the driver reads "password" as that secret (basic: password, oauth:
// client secret, jwt/oauth: passphrase of an encrypted key, bearer: access token). Empty fields are left out so
// the driver's defaults apply.
(function propertiesbuilder(attr) {
    var props = {};
    var modes = { "jwt": "jwt", "oauth": "oauth", "auth-user-pass": "basic", "bearer": "bearer" };
    var auth = modes[attr[connectionHelper.attributeAuthentication]];
    props["auth"] = auth;

    function put(key, value) {
        if (value != null && value != "") {
            props[key] = value;
        }
    }

    if (auth != "bearer") {
        put("user", attr[connectionHelper.attributeUsername]);
    }
    put("password", attr[connectionHelper.attributePassword]);
    if (auth == "jwt") {
        put("issuer", attr["v-issuer"]);
    }
    if (auth == "oauth") {
        put("identityDomainUrl", attr["v-identitydomain"]);
        put("clientId", attr["v-clientid"]);
        put("scope", attr["v-scope"]);
        put("keyAlias", attr["v-keyalias"]);
    }
    if (auth == "jwt" || auth == "oauth") {
        put("privateKeyFile", attr["v-keyfile"]);
        put("certificateFile", attr["v-certfile"]);
    }
    put("schemas", attr["v-schemas"]);
    put("resources", attr["v-resources"]);
    put("qExtensions", attr["v-qextensions"]);
    put("logFile", attr["v-logfile"]);
    return props;
})
