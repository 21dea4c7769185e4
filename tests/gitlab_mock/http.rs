//! A minimal HTTP/1.1 on std::net: the server side of the mock and a tiny
//! blocking client for the tests.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;

/// The largest request body the mock reads (GitLab's own limit on the query
/// text is 10 000 characters; variables add little).
const MAX_BODY: usize = 4 * 1024 * 1024;

/// A request as the server read it.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one request; `Ok(None)` when the peer closed without sending one.
pub fn read_request(stream: &TcpStream) -> io::Result<Option<Request>> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "bad request line",
        ));
    };
    let (method, target) = (method.to_owned(), target.to_owned());
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 {
            break;
        }
        let header = header.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let mut request = Request {
        method,
        path: target.split('?').next().unwrap_or_default().to_owned(),
        headers,
        body: Vec::new(),
    };
    if request
        .header("expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        // curl asks before sending a large body.
        let mut writer = stream;
        writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    if request
        .header("transfer-encoding")
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
    {
        request.body = read_chunked(&mut reader)?;
    } else if let Some(length) = request.header("content-length") {
        let length: usize = length
            .parse()
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad content-length"))?;
        if length > MAX_BODY {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "body too large"));
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        request.body = body;
    }
    Ok(Some(request))
}

fn read_chunked(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size_line = String::new();
        reader.read_line(&mut size_line)?;
        let size_text = size_line.trim().split(';').next().unwrap_or_default();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                let mut trailer = String::new();
                if reader.read_line(&mut trailer)? == 0 || trailer.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > MAX_BODY {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        let mut crlf = [0; 2];
        reader.read_exact(&mut crlf)?;
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Writes a JSON response and closes the exchange (`Connection: close`).
pub fn write_json(stream: &mut TcpStream, status: u16, body: &Value) -> io::Result<()> {
    let text = body.to_string();
    write!(
        stream,
        "HTTP/1.1 {status} {}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        reason(status),
        text.len()
    )?;
    stream.flush()
}

/// How a [`Client`] sends its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// No token: an anonymous request.
    None,
    /// `Authorization: Bearer <token>`.
    Bearer(String),
    /// `PRIVATE-TOKEN: <token>`.
    PrivateToken(String),
}

/// A response as the client read it.
#[derive(Clone, Debug)]
pub struct Response {
    pub status: u16,
    /// The body as JSON (`Value::Null` if it was not JSON).
    pub json: Value,
    pub text: String,
}

impl Response {
    /// `data.<field>` of a GraphQL response (`Value::Null` if absent).
    pub fn data(&self, field: &str) -> &Value {
        self.json
            .get("data")
            .and_then(|d| d.get(field))
            .unwrap_or(&Value::Null)
    }

    /// The messages of the top-level `errors` list.
    pub fn error_messages(&self) -> Vec<String> {
        self.json
            .get("errors")
            .and_then(Value::as_array)
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|e| e.get("message").and_then(Value::as_str))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The `errors` list of mutation `field`'s payload.
    pub fn payload_errors(&self, field: &str) -> Vec<String> {
        self.data(field)
            .get("errors")
            .and_then(Value::as_array)
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A tiny blocking HTTP client for the mock's GraphQL endpoint.
#[derive(Clone, Debug)]
pub struct Client {
    pub addr: SocketAddr,
    pub auth: Auth,
}

impl Client {
    /// POSTs `{query, variables}` to `/api/graphql`.
    #[track_caller]
    pub fn graphql(&self, query: &str, variables: Value) -> Response {
        self.post_json(
            "/api/graphql",
            &serde_json::json!({"query": query, "variables": variables}),
        )
    }

    /// POSTs `{query, variables, operationName}` to `/api/graphql`.
    #[track_caller]
    pub fn graphql_operation(
        &self,
        query: &str,
        variables: Value,
        operation_name: &str,
    ) -> Response {
        self.post_json(
            "/api/graphql",
            &serde_json::json!({"query": query, "variables": variables, "operationName": operation_name}),
        )
    }

    /// POSTs a JSON body to `path`.
    #[track_caller]
    pub fn post_json(&self, path: &str, body: &Value) -> Response {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        )
    }

    /// Sends any request; panics on an IO error (a test failure).
    #[track_caller]
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        match self.try_request(method, path, headers, body) {
            Ok(response) => response,
            Err(e) => panic!("request to the mock GitLab at {} failed: {e}", self.addr),
        }
    }

    /// Sends any request.
    pub fn try_request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Response> {
        let mut stream = TcpStream::connect(self.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        let chunked = headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("transfer-encoding"));
        if !chunked {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        match &self.auth {
            Auth::None => {}
            Auth::Bearer(token) => head.push_str(&format!("Authorization: Bearer {token}\r\n")),
            Auth::PrivateToken(token) => head.push_str(&format!("PRIVATE-TOKEN: {token}\r\n")),
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)?;
        stream.flush()?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw)?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let mut rest = text.as_str();
        // Interim responses (100 Continue) come before the final one.
        let (status, body) = loop {
            let (head, body) = rest
                .split_once("\r\n\r\n")
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "no end of headers"))?;
            let status: u16 = head
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "no status"))?;
            if !(100..200).contains(&status) {
                break (status, body);
            }
            rest = body;
        };
        Ok(Response {
            status,
            json: serde_json::from_str(body).unwrap_or(Value::Null),
            text: body.to_owned(),
        })
    }
}
