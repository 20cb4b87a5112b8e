//! Differential test: our identifier algorithms against independent implementations
//! (python-stdnum `cn.ric` / `cn.uscc` / `iso7064.mod_11_10`, Google's libphonenumber metadata via `phonenumbers`).
//!
//! 130 000 numbers from a deterministic PRNG — valid ones, one character off, adjacent
//! characters transposed, and random strings — go through `tests/oracles/stdnum_oracle.py` in one
//! process. Every disagreement must fall under one of the intentional differences listed in
//! [`known_difference`], each with its reason; anything else fails the test with examples.
//!
//! The oracle is required: without python3 or its modules the test fails (CI installs them with
//! `pip install python-stdnum phonenumbers`) rather than passing without having compared anything.

use beian_rules::data::division_known;
use beian_rules::ids::{self, IdProblem};
use beian_rules::Date;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const TODAY: Date = match Date::new(2026, 11, 23) {
    Some(d) => d,
    None => panic!("bad constant date"),
};
const IDS: usize = 60_000;
const CREDIT_CODES: usize = 30_000;
const MOBILES: usize = 30_000;
const REGISTRATION_NUMBERS: usize = 10_000;

/// SplitMix64: tiny, deterministic, good enough to spread test cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Ric,
    Uscc,
    RegistrationNumber,
    Mobile,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Ric => "ric",
            Kind::Uscc => "uscc",
            Kind::RegistrationNumber => "regno",
            Kind::Mobile => "mobile",
        }
    }
}

/// Applies one of the mutations to a valid value: keep, one character off, adjacent transposition.
fn mutate(rng: &mut Rng, valid: String, alphabet: &[u8]) -> String {
    let mut b = valid.into_bytes();
    match rng.below(3) {
        0 => {}
        1 => {
            let i = rng.below(b.len() as u64) as usize;
            let old = b[i];
            while b[i] == old {
                b[i] = *rng.pick(alphabet);
            }
        }
        _ => {
            let i = rng.below(b.len() as u64 - 1) as usize;
            b.swap(i, i + 1);
        }
    }
    String::from_utf8(b).expect("ASCII")
}

fn random_division(rng: &mut Rng) -> String {
    loop {
        let code = format!("{:06}", 110_000 + rng.below(550_000));
        if division_known(&code) {
            return code;
        }
    }
}

fn valid_id(rng: &mut Rng) -> String {
    let region = match rng.below(50) {
        0 => rng.pick(&["810000", "820000", "830000"]).to_string(),
        // Any code at all: compares our division table with stdnum's in both directions.
        1..=9 => format!("{:06}", 110_000 + rng.below(550_000)),
        _ => random_division(rng),
    };
    // Mostly real past dates; some in the future or before 1900 to exercise those checks.
    let year = match rng.below(40) {
        0 => 2027 + rng.below(10),
        1 => 1880 + rng.below(20),
        _ => 1930 + rng.below(97),
    };
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(31); // sometimes not a real date: the oracle must agree on that too
    let first17 = format!("{region}{year:04}{month:02}{day:02}{}", rng.digits(3));
    let check = ids::resident_id_check_char(first17.as_bytes()) as char;
    format!("{first17}{check}")
}

fn id_case(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => {
            let len = *rng.pick(&[15usize, 17, 19, 18, 18]);
            let mut s = rng.digits(len);
            if rng.below(3) == 0 {
                s.pop();
                s.push('X');
            }
            s
        }
        _ => {
            let valid = valid_id(rng);
            mutate(rng, valid, b"0123456789X")
        }
    }
}

const USCC_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_PREFIXES: &[&str] = &["11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"];

fn valid_uscc(rng: &mut Rng) -> String {
    let prefix = rng.pick(USCC_PREFIXES);
    let region = random_division(rng);
    let org: String = (0..9).map(|_| char::from(*rng.pick(USCC_ALPHABET))).collect();
    let first17 = format!("{prefix}{region}{org}");
    let check = ids::uscc_check_char(first17.as_bytes()).expect("alphabet") as char;
    format!("{first17}{check}")
}

fn uscc_case(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => {
            // Random strings over a wider alphabet (I O S V Z included), various lengths.
            let len = *rng.pick(&[17usize, 18, 18, 18, 19]);
            (0..len).map(|_| char::from(*rng.pick(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))).collect()
        }
        1 => {
            // Letters where the division code should be.
            let mut b = valid_uscc(rng).into_bytes();
            b[2 + rng.below(6) as usize] = *rng.pick(b"ABCDEFGH");
            String::from_utf8(b).expect("ASCII")
        }
        _ => {
            let valid = valid_uscc(rng);
            mutate(rng, valid, USCC_ALPHABET)
        }
    }
}

fn registration_number_case(rng: &mut Rng) -> String {
    // A valid number: the one check digit (of ten) that our function accepts is verified against
    // the oracle for every case anyway, so picking it with our function is not circular.
    let body = format!("{}{}", random_division(rng), rng.digits(8));
    let valid = (0..10).map(|d| format!("{body}{d}")).find(|s| ids::is_registration_number(s)).unwrap_or_else(|| format!("{body}0"));
    match rng.below(5) {
        0 => {
            let len = *rng.pick(&[14usize, 15, 15, 16]);
            rng.digits(len)
        }
        _ => mutate(rng, valid, b"0123456789"),
    }
}

fn mobile_case(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => {
            let len = *rng.pick(&[10usize, 11, 11, 12]);
            rng.digits(len)
        }
        // Every 1[3-9]x prefix, uniformly: covers data-only and unallocated ranges as well.
        _ => format!("1{}{}", 3 + rng.below(7), rng.digits(9)),
    }
}

fn ours(kind: Kind, value: &str) -> bool {
    match kind {
        Kind::Ric => ids::resident_id_problem(value, TODAY).is_none(),
        Kind::Uscc => ids::uscc_problem(value).is_none(),
        Kind::RegistrationNumber => ids::is_registration_number(value),
        Kind::Mobile => ids::mobile_problem(value).is_none(),
    }
}

/// The intentional differences, each with its reason. `None`: an unexplained disagreement.
fn known_difference(kind: Kind, value: &str, ours_ok: bool, oracle: &str) -> Option<&'static str> {
    match (kind, ours_ok) {
        (Kind::Ric, false) if oracle == "ok" => {
            if ids::resident_id_problem(value, TODAY) == Some(IdProblem::BirthDate) {
                return Some("stdnum accepts birth dates in the future and before 1900");
            }
            None
        }
        (Kind::Ric, true) => {
            if ids::is_residence_permit_number(value) {
                return Some("stdnum rejects 810000/820000/830000 residence permits (GB 11643 structure, issued since 2018)");
            }
            if oracle == "crash_no_county" && value.get(4..6) == Some("00") {
                return Some("stdnum 2.2 raises KeyError on province/prefecture-level codes (XXXX00), which old cards carry");
            }
            if oracle == "place_year" {
                return Some("stdnum rejects division codes that did not exist in the birth year; people keep their number when they move, and registration at a later date is common");
            }
            None
        }
        (Kind::Uscc, true) if oracle == "format" => {
            let b = value.as_bytes();
            if !b[..2].iter().all(u8::is_ascii_digit) {
                return Some("stdnum rejects letter-led credit codes (registration authorities A, N, Y …), which GB 32100 allows");
            }
            None
        }
        (Kind::Mobile, false) if oracle == "ok" => {
            if value.len() == 12 && value.starts_with('0') && ids::mobile_problem(&value[1..]).is_none() {
                return Some("libphonenumber strips a national trunk prefix 0; the form wants the bare 11 digits");
            }
            None
        }
        _ => None,
    }
}

fn oracle_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracles/stdnum_oracle.py")
}

#[test]
fn identifiers_agree_with_independent_implementations() {
    let mut rng = Rng(0x5EED_2026_1123);
    let mut cases: Vec<(Kind, String)> = Vec::with_capacity(IDS + CREDIT_CODES + REGISTRATION_NUMBERS + MOBILES);
    cases.extend((0..IDS).map(|_| (Kind::Ric, id_case(&mut rng))));
    cases.extend((0..CREDIT_CODES).map(|_| (Kind::Uscc, uscc_case(&mut rng))));
    cases.extend((0..REGISTRATION_NUMBERS).map(|_| (Kind::RegistrationNumber, registration_number_case(&mut rng))));
    cases.extend((0..MOBILES).map(|_| (Kind::Mobile, mobile_case(&mut rng))));

    let input = std::env::temp_dir().join(format!("beian-differential-{}.tsv", std::process::id()));
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&input).expect("create temp file"));
        for (kind, value) in &cases {
            writeln!(f, "{}\t{value}", kind.tag()).expect("write temp file");
        }
    }
    let output = Command::new("python3")
        .arg(oracle_script())
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}); install Python 3 and `pip install python-stdnum phonenumbers`"));
    let _ = std::fs::remove_file(&input);
    assert!(
        output.status.success(),
        "the oracle failed ({}): {}\nrun: pip install python-stdnum phonenumbers",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let verdicts: Vec<&str> = std::str::from_utf8(&output.stdout).expect("UTF-8 verdicts").lines().collect();
    assert_eq!(verdicts.len(), cases.len(), "one verdict per case");

    let mut explained: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unexplained: Vec<String> = Vec::new();
    let mut valid_by_kind: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    for ((kind, value), &oracle) in cases.iter().zip(&verdicts) {
        let ours_ok = ours(*kind, value);
        let tally = valid_by_kind.entry(*kind).or_default();
        tally.0 += usize::from(ours_ok);
        tally.1 += 1;
        if ours_ok == (oracle == "ok") {
            continue;
        }
        match known_difference(*kind, value, ours_ok, oracle) {
            Some(reason) => *explained.entry(reason).or_default() += 1,
            None => unexplained.push(format!("{} {value}: ours {} / oracle {oracle}", kind.tag(), if ours_ok { "valid" } else { "invalid" })),
        }
    }
    eprintln!("cases: {}; valid by ours (kind: valid/total): {valid_by_kind:?}", cases.len());
    for (reason, n) in &explained {
        eprintln!("known difference ×{n}: {reason}");
    }
    // The generator must exercise both verdicts of every kind, or the comparison proves little.
    for (kind, (valid, total)) in &valid_by_kind {
        assert!(*valid > total / 10 && *valid < total * 9 / 10, "{kind:?}: {valid}/{total} valid — generator skewed");
    }
    assert!(
        unexplained.is_empty(),
        "{} unexplained disagreements, e.g.:\n{}",
        unexplained.len(),
        unexplained.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
