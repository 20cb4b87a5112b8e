//! Native-messaging frames: a 4-byte length in native byte order, then that many bytes of UTF-8 JSON.
//!
//! Inbound frames over [`MAX_FRAME`] are refused *before* any allocation: the reader reports their
//! length and the host drains exactly that many bytes through a fixed buffer, so the stream stays in
//! step and the next frame is read normally (decision documented in PROTOCOL.md).

use std::io::{self, ErrorKind, Read, Write};

/// Largest frame accepted from the browser and largest frame sent to it (Chromium's host→browser limit).
pub const MAX_FRAME: usize = 1024 * 1024;

/// What the next bytes on the wire turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Inbound {
    /// A complete frame whose body is valid UTF-8.
    Message(String),
    /// A complete frame whose body is not UTF-8; the stream is still in step.
    NotUtf8,
    /// The length prefix announces more than [`MAX_FRAME`]; its body has not been read yet.
    TooLarge(u32),
    /// The stream ended cleanly between frames.
    End,
    /// The stream ended inside a length prefix (`got` of 4 bytes) or inside a body.
    Truncated { expected: usize, got: usize, in_length: bool },
}

/// Reads as many bytes as are available up to `buf.len()`; returns how many (fewer only at EOF).
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Reads one frame. Never allocates more than [`MAX_FRAME`] bytes whatever the prefix says.
pub fn read_frame(r: &mut impl Read) -> io::Result<Inbound> {
    let mut prefix = [0u8; 4];
    let got = read_full(r, &mut prefix)?;
    if got == 0 {
        return Ok(Inbound::End);
    }
    if got < 4 {
        return Ok(Inbound::Truncated { expected: 4, got, in_length: true });
    }
    let announced = u32::from_ne_bytes(prefix);
    let len = announced as usize;
    if len > MAX_FRAME {
        return Ok(Inbound::TooLarge(announced));
    }
    let mut body = vec![0u8; len];
    let got = read_full(r, &mut body)?;
    if got < len {
        return Ok(Inbound::Truncated { expected: len, got, in_length: false });
    }
    Ok(match String::from_utf8(body) {
        Ok(text) => Inbound::Message(text),
        Err(_) => Inbound::NotUtf8,
    })
}

/// Skips `len` body bytes of a refused frame through a small fixed buffer. Returns `false` if the
/// stream ended first.
pub fn drain(r: &mut impl Read, len: u64) -> io::Result<bool> {
    let copied = io::copy(&mut r.take(len), &mut io::sink())?;
    Ok(copied == len)
}

/// Writes one frame and flushes it. The caller guarantees `body.len() <= MAX_FRAME`.
pub fn write_frame(w: &mut impl Write, body: &[u8]) -> io::Result<()> {
    debug_assert!(body.len() <= MAX_FRAME);
    let len = u32::try_from(body.len()).map_err(|_| io::Error::new(ErrorKind::InvalidInput, "frame too large"))?;
    w.write_all(&len.to_ne_bytes())?;
    w.write_all(body)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn framed(body: &[u8]) -> Vec<u8> {
        let mut v = (body.len() as u32).to_ne_bytes().to_vec();
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn eof_before_a_length_is_a_clean_end() {
        assert_eq!(read_frame(&mut Cursor::new(Vec::new())).unwrap(), Inbound::End);
    }

    #[test]
    fn truncated_length_is_reported() {
        let r = read_frame(&mut Cursor::new(vec![5u8, 0])).unwrap();
        assert_eq!(r, Inbound::Truncated { expected: 4, got: 2, in_length: true });
    }

    #[test]
    fn short_body_is_reported() {
        let mut bytes = 10u32.to_ne_bytes().to_vec();
        bytes.extend_from_slice(b"{\"a\"");
        let r = read_frame(&mut Cursor::new(bytes)).unwrap();
        assert_eq!(r, Inbound::Truncated { expected: 10, got: 4, in_length: false });
    }

    #[test]
    fn invalid_utf8_keeps_the_stream_in_step() {
        let mut bytes = framed(&[0xff, 0xfe, b'{']);
        bytes.extend(framed(b"{}"));
        let mut r = Cursor::new(bytes);
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::NotUtf8);
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::Message("{}".into()));
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::End);
    }

    #[test]
    fn oversize_is_refused_without_reading_the_body_then_drained() {
        let big = (MAX_FRAME + 1) as u32;
        let mut bytes = big.to_ne_bytes().to_vec();
        bytes.extend(std::iter::repeat_n(b'x', MAX_FRAME + 1));
        bytes.extend(framed(b"{\"id\":2}"));
        let mut r = Cursor::new(bytes);
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::TooLarge(big));
        assert_eq!(r.position(), 4, "nothing of the body was consumed");
        assert!(drain(&mut r, big as u64).unwrap());
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::Message("{\"id\":2}".into()));
    }

    #[test]
    fn a_huge_announced_length_with_no_body_does_not_allocate() {
        let mut r = Cursor::new(u32::MAX.to_ne_bytes().to_vec());
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::TooLarge(u32::MAX));
        assert!(!drain(&mut r, u32::MAX as u64).unwrap(), "stream ended while draining");
    }

    #[test]
    fn exactly_max_frame_is_accepted() {
        let body = vec![b' '; MAX_FRAME];
        let r = read_frame(&mut Cursor::new(framed(&body))).unwrap();
        assert!(matches!(r, Inbound::Message(s) if s.len() == MAX_FRAME));
    }

    #[test]
    fn many_frames_in_a_row_and_write_round_trip() {
        let mut out = Vec::new();
        for i in 0..1000 {
            write_frame(&mut out, format!("{{\"id\":{i}}}").as_bytes()).unwrap();
        }
        let mut r = Cursor::new(out);
        for i in 0..1000 {
            assert_eq!(read_frame(&mut r).unwrap(), Inbound::Message(format!("{{\"id\":{i}}}")));
        }
        assert_eq!(read_frame(&mut r).unwrap(), Inbound::End);
    }
}
