// The JDBC URL: the pod host only. Tableau logs URLs, so every setting travels as a connection property
// (connectionProperties.js), and the password field's secret never appears here.
(function dsbuilder(attr) {
    return ["jdbc:fusion://" + attr[connectionHelper.attributeServer]];
})
