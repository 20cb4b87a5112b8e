//! A deterministic zip writer: the same entries always give the same bytes.
//!
//! Store uploads and reproducible-build checks compare archives byte for byte, so everything a
//! general zip library takes from the file system or the clock is fixed here: entries are sorted by
//! name, every entry gets the same DOS timestamp (1980-01-01 00:00 unless `SOURCE_DATE_EPOCH` says
//! otherwise) and the same Unix mode (0644, regular file), there are no directory entries and no
//! extra fields, and deflate runs at one fixed level of one pinned `miniz_oxide` version.

use std::collections::BTreeMap;

/// Deflate level for `miniz_oxide` (9 = best compression; output is a pure function of the input).
const DEFLATE_LEVEL: u8 = 9;
const METHOD_STORED: u16 = 0;
const METHOD_DEFLATE: u16 = 8;
/// "Version needed to extract": 2.0 (deflate, no zip64).
const VERSION_NEEDED: u16 = 20;
/// "Version made by": Unix (3) in the high byte, so the external attributes carry a Unix mode.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// Regular file, rw-r--r--, in the high 16 bits of the external attributes.
const EXTERNAL_ATTRIBUTES: u32 = 0o100644 << 16;
/// General-purpose flag bit 11: names are UTF-8.
const FLAG_UTF8: u16 = 1 << 11;

/// A DOS date and time as zip headers store them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DosTime {
    pub date: u16,
    pub time: u16,
}

impl DosTime {
    /// 1980-01-01 00:00:00, the earliest time a zip can hold.
    pub const EPOCH: DosTime = DosTime { date: (1 << 5) | 1, time: 0 };

    /// The DOS time of a Unix timestamp (UTC), clamped to what DOS times can hold (1980–2107).
    pub fn from_unix(seconds: i64) -> DosTime {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        if year < 1980 {
            return DosTime::EPOCH;
        }
        if year > 2107 {
            return DosTime { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
        }
        let (hour, minute, second) = (secs / 3600, secs % 3600 / 60, secs % 60);
        DosTime {
            date: (((year - 1980) as u16) << 9) | ((month as u16) << 5) | day as u16,
            time: ((hour as u16) << 11) | ((minute as u16) << 5) | (second as u16 / 2),
        }
    }

    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set and numeric, else [`DosTime::EPOCH`].
    pub fn from_env() -> DosTime {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(DosTime::from_unix)
            .unwrap_or(DosTime::EPOCH)
    }
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Builds a zip archive of `entries` (archive path → contents). The map's order (byte-wise by
/// name) is the archive order, so the caller's insertion order cannot change the output.
pub fn write(entries: &BTreeMap<String, Vec<u8>>, time: DosTime) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let name_bytes = name.as_bytes();
        if name.is_empty() || name.starts_with('/') || name.contains('\\') || name.split('/').any(|p| p == "..") {
            return Err(format!("zip: refusing entry name {name:?}"));
        }
        let deflated = miniz_oxide::deflate::compress_to_vec(data, DEFLATE_LEVEL);
        // Tiny files can grow when deflated; store those as they are.
        let (method, body) =
            if deflated.len() < data.len() { (METHOD_DEFLATE, deflated.as_slice()) } else { (METHOD_STORED, data.as_slice()) };
        let crc = crc32(data);
        let offset = u32_field(out.len(), "archive size")?;
        let compressed_size = u32_field(body.len(), name)?;
        let size = u32_field(data.len(), name)?;
        let name_len = u16::try_from(name_bytes.len()).map_err(|_| format!("zip: name too long: {name}"))?;
        let flags = if name.is_ascii() { 0 } else { FLAG_UTF8 };

        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, VERSION_NEEDED);
        put16(&mut out, flags);
        put16(&mut out, method);
        put16(&mut out, time.time);
        put16(&mut out, time.date);
        put32(&mut out, crc);
        put32(&mut out, compressed_size);
        put32(&mut out, size);
        put16(&mut out, name_len);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name_bytes);
        out.extend_from_slice(body);

        // Central directory record.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, VERSION_MADE_BY);
        put16(&mut central, VERSION_NEEDED);
        put16(&mut central, flags);
        put16(&mut central, method);
        put16(&mut central, time.time);
        put16(&mut central, time.date);
        put32(&mut central, crc);
        put32(&mut central, compressed_size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra field length
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number start
        put16(&mut central, 0); // internal attributes
        put32(&mut central, EXTERNAL_ATTRIBUTES);
        put32(&mut central, offset);
        central.extend_from_slice(name_bytes);
    }
    let count = u16::try_from(entries.len()).map_err(|_| "zip: more than 65535 entries".to_string())?;
    let central_offset = u32_field(out.len(), "archive size")?;
    let central_size = u32_field(central.len(), "central directory")?;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

fn u32_field(n: usize, what: &str) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("zip: {what} exceeds 4 GiB (zip64 is not supported)"))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as zip requires.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Reads an archive back through its central directory (what unzip and browsers do), checking
    /// each entry's local header, CRC and size. Returns name → contents in archive order.
    pub fn read(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u16_at = |at: usize| u16::from_le_bytes([archive[at], archive[at + 1]]);
        let u32_at = |at: usize| u32::from_le_bytes(archive[at..at + 4].try_into().unwrap());
        let end = archive.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory at the very end (no comment)");
        let count = u16_at(end + 10) as usize;
        let mut at = u32_at(end + 16) as usize;
        let mut entries = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4b50);
            let method = u16_at(at + 10);
            let crc = u32_at(at + 16);
            let (csize, size) = (u32_at(at + 20) as usize, u32_at(at + 24) as usize);
            let name_len = u16_at(at + 28) as usize;
            let local = u32_at(at + 42) as usize;
            let name = String::from_utf8(archive[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32_at(local), 0x0403_4b50);
            assert_eq!(&archive[local + 30..local + 30 + name_len], name.as_bytes(), "local name matches");
            let body = &archive[local + 30 + name_len..local + 30 + name_len + csize];
            let data = match method {
                METHOD_STORED => body.to_vec(),
                METHOD_DEFLATE => miniz_oxide::inflate::decompress_to_vec(body).unwrap(),
                other => panic!("unexpected method {other}"),
            };
            assert_eq!(data.len(), size, "{name}: size");
            assert_eq!(crc32(&data), crc, "{name}: crc");
            entries.push((name, data));
            at += 46 + name_len;
        }
        entries
    }

    fn sample() -> BTreeMap<String, Vec<u8>> {
        let mut entries = BTreeMap::new();
        entries.insert("manifest.json".to_string(), b"{\"a\": 1}\n".to_vec());
        entries.insert("extension/pkg/x.wasm".to_string(), (0..50_000u32).map(|i| (i % 251) as u8).collect());
        entries.insert("_locales/zh_CN/messages.json".to_string(), "{\"名\": \"备案助手\"}".repeat(40).into_bytes());
        entries.insert("empty.txt".to_string(), Vec::new());
        entries
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn archives_round_trip_in_sorted_order() {
        let entries = sample();
        let archive = write(&entries, DosTime::EPOCH).unwrap();
        let back = read(&archive);
        let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["_locales/zh_CN/messages.json", "empty.txt", "extension/pkg/x.wasm", "manifest.json"]);
        for (name, data) in &back {
            assert_eq!(&entries[name], data, "{name}");
        }
        // The repetitive wasm stand-in must actually have been compressed.
        assert!(archive.len() < 20_000, "archive is {} bytes", archive.len());
    }

    #[test]
    fn same_entries_give_the_same_bytes_whatever_the_insertion_order() {
        let forward = sample();
        let mut backward = BTreeMap::new();
        for (k, v) in sample().into_iter().rev() {
            backward.insert(k, v);
        }
        assert_eq!(write(&forward, DosTime::EPOCH).unwrap(), write(&backward, DosTime::EPOCH).unwrap());
    }

    #[test]
    fn the_timestamp_is_the_only_input_besides_the_entries() {
        let a = write(&sample(), DosTime::EPOCH).unwrap();
        let b = write(&sample(), DosTime::from_unix(1_700_000_000)).unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), b.len());
    }

    #[test]
    fn dos_times_from_unix() {
        assert_eq!(DosTime::from_unix(0), DosTime::EPOCH, "before 1980 clamps");
        assert_eq!(DosTime::from_unix(315_532_800), DosTime::EPOCH, "1980-01-01T00:00:00Z");
        // 2023-11-14T22:13:20Z
        let t = DosTime::from_unix(1_700_000_000);
        assert_eq!((t.date >> 9, (t.date >> 5) & 0xF, t.date & 0x1F), (43, 11, 14));
        assert_eq!((t.time >> 11, (t.time >> 5) & 0x3F, (t.time & 0x1F) * 2), (22, 13, 20));
        assert_eq!(DosTime::from_unix(i64::MAX).date >> 9, 127, "far future clamps");
        assert_eq!(DosTime::from_unix(i64::MIN), DosTime::EPOCH);
    }

    #[test]
    fn unsafe_names_are_refused() {
        for bad in ["", "/abs", "a/../b", "a\\b"] {
            let mut entries = BTreeMap::new();
            entries.insert(bad.to_string(), vec![1]);
            assert!(write(&entries, DosTime::EPOCH).is_err(), "{bad:?}");
        }
    }
}
