//! The CLI over HTTPS with a private CA (`--ca-file`): a TLS front
//! (rustls, a certificate for 127.0.0.1 signed by a CA made for the test)
//! before the mock GitLab. Trusting the CA through `--ca-file`, `import`
//! and `plan` work; without it, the connection fails with a clear error
//! and nothing is sent in the clear.
#![cfg(feature = "gitlab-api")]

mod gitlab_mock;

use gitlab_mock::{LiveFixture, MockGitLab, Tokens};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::sync::Arc;

const TOKEN: &str = "glpat-tls-secret-8080";

/// A private CA and a server certificate for 127.0.0.1 signed by it.
struct Pki {
    ca_pem: String,
    server_cert: rustls::pki_types::CertificateDer<'static>,
    server_key: PrivateKeyDer<'static>,
}

fn pki() -> Pki {
    let mut ca_params = CertificateParams::new(Vec::new()).unwrap_or_else(|e| panic!("{e}"));
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_key = KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
    let ca = CertifiedIssuer::self_signed(ca_params, ca_key).unwrap_or_else(|e| panic!("{e}"));
    let server_params =
        CertificateParams::new(vec!["127.0.0.1".to_owned()]).unwrap_or_else(|e| panic!("{e}"));
    let server_key = KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
    let server = server_params
        .signed_by(&server_key, &ca)
        .unwrap_or_else(|e| panic!("{e}"));
    Pki {
        ca_pem: ca.pem(),
        server_cert: server.der().clone(),
        server_key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
    }
}

/// Accept TLS on 127.0.0.1 and pass each connection's plain bytes to the
/// mock GitLab (one request per connection, as the mock serves them).
fn tls_front(pki: &Pki, backend: std::net::SocketAddr) -> u16 {
    // The ring provider, as ureq's client uses (the post-quantum key
    // exchange of rustls' newer default is beside the point here).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap_or_else(|e| panic!("{e}"))
        .with_no_client_auth()
        .with_single_cert(vec![pki.server_cert.clone()], pki.server_key.clone_key())
        .unwrap_or_else(|e| panic!("{e}"));
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("{e}"))
        .port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = Arc::clone(&config);
            std::thread::spawn(move || {
                let Ok(connection) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let mut tls = rustls::StreamOwned::new(connection, stream);
                // Read the request: headers, then Content-Length bytes.
                let mut request = Vec::new();
                let mut buf = [0u8; 8192];
                let header_end = loop {
                    match tls.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                    if let Some(i) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                        break i + 4;
                    }
                };
                let head = String::from_utf8_lossy(&request[..header_end]).to_ascii_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                while request.len() < header_end + length {
                    match tls.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let Ok(mut plain) = TcpStream::connect(backend) else {
                    return;
                };
                if plain.write_all(&request).is_err() {
                    return;
                }
                let mut response = Vec::new();
                let _ = plain.read_to_end(&mut response);
                let _ = tls.write_all(&response);
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    port
}

fn run(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_duo-selfhosted"))
        .args(args)
        .env("GITLAB_TOKEN", TOKEN)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !String::from_utf8_lossy(stream).contains(TOKEN),
            "the token leaked"
        );
    }
    out
}

fn temp(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("duo-cli-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

#[test]
fn https_with_a_private_ca() {
    let fixture = LiveFixture::from_json(include_str!("data/gitlab-live/vllm-bedrock-azure.json"))
        .unwrap_or_else(|e| panic!("{e}"))
        .beta_terms_accepted(true);
    let server = MockGitLab::start("19.6", fixture, Tokens::admin(TOKEN));
    let pki = pki();
    let port = tls_front(&pki, server.addr());
    let url = format!("https://127.0.0.1:{port}");
    let ca = temp("ca.pem", &pki.ca_pem);
    // Trusting the private CA: import works over TLS.
    let out = run(&["import", "--gitlab", &url, "--ca-file", &ca]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["gitlab_version"], "19.6");
    assert_eq!(doc["self_hosted_models"][0]["name"], "Mistral on vLLM");
    let queries = server.operations().len();
    assert!(queries >= 1);
    // Without it, the certificate is refused: a clear error, exit 1 or 2,
    // and no request reached GitLab.
    let out = run(&["import", "--gitlab", &url]);
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot reach"), "{stderr}");
    assert_eq!(
        server.operations().len(),
        queries,
        "nothing was sent without trust"
    );
    // A CA file without a certificate is a usage error.
    let empty = temp("empty.pem", "not a certificate\n");
    let out = run(&["import", "--gitlab", &url, "--ca-file", &empty]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no PEM certificate"));
}
