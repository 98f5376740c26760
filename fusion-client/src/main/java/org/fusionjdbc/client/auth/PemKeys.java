package org.fusionjdbc.client.auth;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.bc.BcPEMDecryptorProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.fusionjdbc.client.error.FusionException;

/**
 * Reads an RSA private key from a PEM file: PKCS#8, PKCS#1, encrypted PKCS#8 and legacy encrypted PKCS#1.
 * BouncyCastle only parses the PEM structure; decryption and the final key come from the JDK's providers
 * (BouncyCastle is never registered as a JCE provider, and a relocated copy could not serve as a signed one).
 * Messages name the file and say what to do, never any key material.
 */
public final class PemKeys {
  private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  private PemKeys() {
  }

  /** The RSA private key in {@code file}; {@code passphrase} is needed only for an encrypted key. */
  public static RSAPrivateKey readPrivateKey(Path file, Optional<Secret> passphrase) {
    String text = readText(file, "private key");
    if (text.contains("BEGIN OPENSSH PRIVATE KEY") || text.startsWith("ssh-")) {
      throw config(file, "is an OpenSSH key; Fusion needs an RSA key in PEM format. Convert a copy with "
          + "'ssh-keygen -p -m PKCS8 -f <copy>' or create a new key with "
          + "'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem'");
    }
    if (!text.isEmpty() && text.charAt(0) == 0x30) {
      throw config(file, "is a binary (DER, PKCS#12 or Java keystore) file; the driver reads PEM text. Export "
          + "the key with 'openssl pkcs12 -in store.p12 -nocerts -nodes | openssl pkcs8 -topk8 -nocrypt -out "
          + "key.pem' or, for DER, 'openssl pkcs8 -inform DER -in key.der -nocrypt -out key.pem'");
    }
    if (text.contains("BEGIN PUBLIC KEY") && !text.contains("PRIVATE KEY")) {
      throw config(file, "holds a public key; give the private key file (BEGIN PRIVATE KEY) instead");
    }
    Object pem = firstKeyObject(file, text);
    PrivateKey key;
    if (pem instanceof PrivateKeyInfo info) {
      key = convert(file, info);
    } else if (pem instanceof PEMKeyPair pair) {
      key = convert(file, pair.getPrivateKeyInfo());
    } else if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
      key = convert(file, decrypt(file, encrypted, passphrase));
    } else if (pem instanceof PEMEncryptedKeyPair encrypted) {
      key = convert(file, decrypt(file, encrypted, passphrase));
    } else if (pem instanceof X509CertificateHolder) {
      throw config(file, "is a certificate, not a private key; give the certificate as the certificate file "
          + "and the matching private key (BEGIN PRIVATE KEY) as the private key file");
    } else if (pem instanceof SubjectPublicKeyInfo) {
      throw config(file, "holds a public key; give the private key file (BEGIN PRIVATE KEY) instead");
    } else {
      throw config(file, "holds a PEM object of an unsupported type (" + pem.getClass().getSimpleName()
          + "); give an RSA private key in PKCS#8 or PKCS#1 PEM format");
    }
    if (!(key instanceof RSAPrivateKey rsa)) {
      throw config(file, "holds " + withArticle(key.getAlgorithm())
          + " key; Fusion signs with RS256, which needs an RSA key");
    }
    return rsa;
  }

  static String readText(Path file, String what) {
    try {
      if (Files.isDirectory(file)) {
        throw FusionException.of(FusionException.Kind.CONFIGURATION,
            "The " + what + " file " + file + " is a directory; give the path of the file itself");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw FusionException.of(FusionException.Kind.CONFIGURATION, "The " + what + " file " + file
            + " is larger than " + MAX_FILE_BYTES / 1024 + " KB, too large to be a PEM key or certificate; check "
            + "the path setting");
      }
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip();
    } catch (NoSuchFileException e) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "The " + what + " file " + file.toAbsolutePath() + " does not exist; check the path setting", e);
    } catch (IOException e) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "The " + what + " file " + file.toAbsolutePath() + " cannot be read (" + e.getClass().getSimpleName()
              + "); check that the path is right and the file is readable by this process", e);
    }
  }

  /**
   * The first key in the file. Skips the EC PARAMETERS block openssl ecparam writes before an EC key, and
   * certificates before a key (combined PEM files, {@code openssl pkcs12 -nodes} output); a file with only
   * a certificate returns that certificate so the caller can say the files were swapped.
   */
  private static Object firstKeyObject(Path file, String text) {
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object certificate = null;
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder) {
          certificate = certificate == null ? o : certificate;
        } else if (!(o instanceof ASN1ObjectIdentifier)) {
          return o;
        }
      }
      if (certificate != null) {
        return certificate;
      }
      throw config(file, "holds no PEM private key; give an RSA private key in PEM format "
          + "(a text file starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
    } catch (IOException | RuntimeException e) {
      if (e instanceof FusionException fe) {
        throw fe;
      }
      // The parser's message can quote parts of the file, so only its type travels.
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "The private key file " + file
          + " is not a valid PEM file (" + e.getClass().getSimpleName() + "); give an RSA private key in "
          + "PKCS#8 or PKCS#1 PEM format");
    }
  }

  private static PrivateKeyInfo decrypt(Path file, PKCS8EncryptedPrivateKeyInfo encrypted,
      Optional<Secret> passphrase) {
    char[] pass = requirePassphrase(file, passphrase);
    EncryptedPrivateKeyInfo epki;
    try {
      // The JDK's own PBES1/PBES2 support decrypts what openssl writes by default (PBES2 with AES).
      epki = new EncryptedPrivateKeyInfo(encrypted.getEncoded());
    } catch (IOException e) {
      java.util.Arrays.fill(pass, '\0');
      throw unsupportedScheme(file);
    }
    try {
      AlgorithmParameters params = epki.getAlgParameters();
      // For PBES2 the JDK names the full scheme only in the parameters (PBEWithHmacSHA256AndAES_256).
      String alg = params != null && params.toString().startsWith("PBEWith") ? params.toString() : epki.getAlgName();
      SecretKey pbeKey = SecretKeyFactory.getInstance(alg).generateSecret(new PBEKeySpec(pass));
      Cipher cipher = Cipher.getInstance(alg);
      cipher.init(Cipher.DECRYPT_MODE, pbeKey, params);
      return PrivateKeyInfo.getInstance(epki.getKeySpec(cipher).getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw unsupportedScheme(file);
    } catch (Exception e) {
      throw wrongPassphrase(file);
    } finally {
      java.util.Arrays.fill(pass, '\0');
    }
  }

  private static PrivateKeyInfo decrypt(Path file, PEMEncryptedKeyPair encrypted, Optional<Secret> passphrase) {
    char[] pass = requirePassphrase(file, passphrase);
    try {
      return encrypted.decryptKeyPair(new BcPEMDecryptorProvider(pass)).getPrivateKeyInfo();
    } catch (Exception e) {
      throw wrongPassphrase(file);
    } finally {
      java.util.Arrays.fill(pass, '\0');
    }
  }

  private static FusionException unsupportedScheme(Path file) {
    return config(file, "is encrypted with a scheme Java cannot decrypt (PBES2 needs AES); re-encrypt it with "
        + "'openssl pkcs8 -topk8 -v2 aes-256-cbc -in <key> -out <new key>'");
  }

  private static char[] requirePassphrase(Path file, Optional<Secret> passphrase) {
    if (passphrase.isEmpty() || passphrase.get().isEmpty()) {
      throw config(file, "is encrypted; set the private key passphrase setting");
    }
    return passphrase.get().revealChars();
  }

  private static FusionException wrongPassphrase(Path file) {
    // A wrong passphrase shows up as a padding or ASN.1 error after decryption; the cause is not kept
    // because it adds nothing the user can act on.
    return config(file, "could not be decrypted: the passphrase is wrong; check the private key passphrase setting");
  }

  private static PrivateKey convert(Path file, PrivateKeyInfo info) {
    ASN1ObjectIdentifier alg = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (!PKCSObjectIdentifiers.rsaEncryption.equals(alg)) {
      throw config(file, "holds " + withArticle(algorithmName(alg))
          + " key; Fusion signs with RS256, which needs an RSA key");
    }
    try {
      return CONVERTER.getPrivateKey(info);
    } catch (IOException | RuntimeException e) {
      throw config(file, "holds an RSA key the Java runtime cannot load (" + e.getClass().getSimpleName()
          + "); re-export it as PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt'");
    }
  }

  private static String withArticle(String algorithm) {
    return (algorithm.matches("(?i)[aeiou].*") || algorithm.startsWith("RSA") ? "an " : "a ") + algorithm;
  }

  private static String algorithmName(ASN1ObjectIdentifier alg) {
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg)) {
      return "EC";
    }
    if (X9ObjectIdentifiers.id_dsa.equals(alg)) {
      return "DSA";
    }
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(alg)) {
      return "RSASSA-PSS";
    }
    return switch (alg.getId()) {
      case "1.3.101.112" -> "Ed25519";
      case "1.3.101.113" -> "Ed448";
      default -> "non-RSA (" + alg.getId() + ")";
    };
  }

  private static FusionException config(Path file, String what) {
    return FusionException.of(FusionException.Kind.CONFIGURATION, "The private key file " + file + " " + what);
  }
}
