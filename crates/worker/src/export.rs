//! The popup's export: all records and events as JSON (the shape `beian import` reads) and the
//! records as CSV for a spreadsheet.

use beian_tracker::{Event, Record};
use serde_json::json;

/// `{ "format": "beian-export", "version": 1, "records": [...], "events": [...] }`, pretty-printed:
/// the shape of `beian export`, so `beian import` reads it.
pub fn to_json(records: &[Record], events: &[Event]) -> String {
    let export = json!({ "format": "beian-export", "version": 1, "records": records, "events": events });
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

const CSV_HEADER: [&str; 9] =
    ["appid", "name", "stage", "since", "last_observed", "filing_number", "last_reason", "events", "status_text"];

/// One line per record, RFC 4180 quoting, CRLF line ends, with a UTF-8 BOM so spreadsheet programs
/// read the Chinese text correctly.
pub fn to_csv(records: &[Record]) -> String {
    let mut out = String::from("\u{feff}");
    push_line(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for r in records {
        push_line(
            &mut out,
            [
                r.appid.clone(),
                r.app_name.clone().unwrap_or_default(),
                r.stage.id().to_owned(),
                r.since.to_rfc3339(),
                r.last_observed.to_rfc3339(),
                r.filing_number.clone().unwrap_or_default(),
                r.last_reason.clone().unwrap_or_default(),
                r.events.to_string(),
                r.status_text.clone().unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Quotes when needed; a leading `= + - @` gets a `'` so a spreadsheet never runs a page-derived
/// text (a rejection reason) as a formula.
fn csv_cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use beian_tracker::{fold, EventDetail, EventSource, Stage, Timestamp};

    fn events() -> Vec<Event> {
        let t = |s| Timestamp::parse(s).unwrap();
        vec![
            Event::new(
                "wx0123456789abcdef",
                Some("某某记账"),
                Stage::PlatformReview,
                t("2026-11-02T10:00:00+08:00"),
                EventSource::Page,
                EventDetail::default(),
            ),
            Event::new(
                "wx0123456789abcdef",
                Some("某某记账"),
                Stage::PlatformRejected,
                t("2026-11-03T10:00:00+08:00"),
                EventSource::Page,
                EventDetail { reason: Some("=HYPERLINK(\"x\"), 地址不详细".into()), ..Default::default() },
            ),
        ]
    }

    #[test]
    fn csv_has_a_header_a_line_per_record_and_quotes_page_text() {
        let records = fold(&events());
        let csv = to_csv(&records);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("appid,name,stage,"));
        assert!(lines[1].starts_with("wx0123456789abcdef,某某记账,platform_rejected,2026-11-03T10:00:00+08:00,"));
        // Formula guard, then quoting of the comma and the doubled quotes.
        assert!(lines[1].contains("\"'=HYPERLINK(\"\"x\"\"), 地址不详细\""), "{}", lines[1]);
    }

    #[test]
    fn json_export_holds_records_and_events() {
        let evs = events();
        let v: serde_json::Value = serde_json::from_str(&to_json(&fold(&evs), &evs)).unwrap();
        assert_eq!(v["records"].as_array().unwrap().len(), 1);
        assert_eq!(v["records"][0]["stage"], "platform_rejected");
        assert_eq!(v["events"].as_array().unwrap().len(), 2);
    }
}
