use beian_rules::{check, Date, Draft, Options, Severity};
use serde_json::{json, Value};
const E: &str = include_str!("drafts/clean_enterprise.json");
const P: &str = include_str!("drafts/clean_personal.json");
fn problems(d: &Value) -> Vec<(String, String, Severity)> {
    let d: Draft = serde_json::from_value(d.clone()).unwrap();
    check(&d, &Options { today: Date::new(2026, 11, 23).unwrap(), complete: true }).findings.into_iter().filter(|f| f.severity != Severity::Info).map(|f| (f.rule.id().to_owned(), f.field, f.severity)).collect()
}
fn set(d: &mut Value, sec: &str, key: &str, v: Value) { if v.is_null() { d[sec].as_object_mut().unwrap().remove(key); } else { d[sec][key] = v; } }
#[test]
fn variants() {
    let v = [
        ("上海市","上海市","浦东新区","91310115MA1K3ABC1G","张江镇祖冲之路887弄81号","上海市浦东新区张江镇祖冲之路887弄81号"),
        ("浙江省","杭州市","西湖区","91330106MA2AB1234G","文三路90号东部软件园1号楼5层","杭州市西湖区文三路90号"),
        ("四川省","成都市","武侯区","91510107MA6C12345M","天府大道中段1268号天府软件园E3-5","成都市武侯区天府大道中段1268号"),
        ("宁夏回族自治区","银川市","金凤区","91640106MA76ABCD1P","北京中路168号","银川市金凤区北京中路168号"),
        ("广东省","广州市","天河区","91440106MA5ABCDE1X","天河路385号太古汇一座30楼","广州市天河区天河路385号"),
        ("湖北省","武汉市","洪山区","91420111MA4K12345H","珞喻路1037号华中科技大学科技园","武汉市洪山区珞喻路1037号"),
        ("吉林省","吉林市","船营区","91220204MA0Y12345Q","解放中路88号","吉林省吉林市船营区解放中路88号"),
        ("海南省","海口市","龙华区","91460106MA5T123453","滨海大道32号复兴城D区","海口市龙华区滨海大道32号"),
        ("新疆维吾尔自治区","乌鲁木齐市","天山区","91650102MA7812345G","解放北路1号","乌鲁木齐市天山区解放北路1号"),
        ("内蒙古自治区","呼和浩特市","赛罕区","91150105MA0Q123458","敕勒川大街1号","呼和浩特市赛罕区敕勒川大街1号"),
        ("江苏省","南京市","玄武区","91320102MA1XYW123R","珠江路88号新世界中心A座1201室","南京市玄武区珠江路88号"),
        ("上海市","市辖区","黄浦区","91310115MA1K3ABC1G","南京东路300号5楼","上海市黄浦区南京东路300号"),
        ("440000","440300","440305","91440300MA5G1K2P8N","粤海街道科技园路1号A栋201室","深圳市南山区"),
        ("广东","深圳","南山区","91440300MA5G1K2P8N","前海深港合作区前湾一路1号A栋201室","深圳市前海深港合作区前湾一路1号A栋201室（入驻深圳市前海商务秘书有限公司）"),
    ];
    for (p, c, d, n, a, ca) in v {
        let mut x: Value = serde_json::from_str(E).unwrap();
        x["subject"]["province"] = json!(p); x["subject"]["city"] = json!(c); x["subject"]["district"] = json!(d);
        x["subject"]["certificate_number"] = json!(n); x["subject"]["address"] = json!(a); x["subject"]["certificate_address"] = json!(ca);
        x["materials"]["commitment_letter"] = json!({"uploaded": true, "sealed": true});
        eprintln!("{p}{c}{d} {a} -> {:?}", problems(&x));
    }
}
#[test]
fn defects() {
    let cases: Vec<(&str, &str, &str, Value)> = vec![
        (E, "subject", "province", Value::Null), (E, "subject", "district", json!("")), (E, "subject", "nature", Value::Null),
        (E, "subject", "certificate_type", json!("事业单位法人证书")), (E, "subject", "name", Value::Null), (E, "subject", "name", json!("深圳市**科技有限公司")),
        (E, "subject", "name", json!("深圳市某某网络有限公司")), (P, "subject", "name", json!("李四")), (E, "subject", "certificate_number", Value::Null),
        (E, "subject", "certificate_number", json!("91440300MA5G1K2P8L")), (E, "subject", "certificate_number", json!("440301103097489")),
        (E, "subject", "certificate_number", json!("12440300MA5G1K2P8N")), (E, "subject", "certificate_number", json!("91110000600037341L")),
        (P, "subject", "certificate_number", json!("110108198511200047")), (E, "subject", "certificate_address", Value::Null),
        (E, "subject", "address", Value::Null), (E, "subject", "address", json!("广东省深圳市南山区粤海街道科技园路1号A栋201室")),
        (E, "subject", "address", json!("北京市朝阳区建国路88号")), (E, "subject", "address", json!("粤海街道科技园路")),
        (E, "subject", "license_valid_until", json!("2026-12-01")), (E, "subject", "license_valid_until", json!("2027-01-15")),
        (E, "subject", "certificate_number", json!("９１４４０３００MA5G1K2P8N")), (E, "subject_principal", "mobile", json!("１３８００１３８０００")),
        (P, "subject_principal", "email", json!("wangwu＠163.com")), (E, "app", "appid", json!("wx0123456789ａｂｃdef")),
        (E, "app", "service_types", json!(["a-1","a-2","a-3","a-4","a-5","a-6"])), (E, "app", "service_types", json!([])),
        (E, "app", "pre_approvals", json!([])), (E, "app", "pre_approvals", json!([{"type":"以上都不涉及"},{"type":"新闻","number":"1","document":true}])),
        (E, "app", "pre_approvals", json!([{"type":"文化"}])), (E, "app", "remark", json!("提供休闲小游戏，用户可以闯关并查看好友排行榜，不涉及交易。")),
        (E, "app", "name", json!("某某新闻")), (E, "app", "remark", Value::Null), (E, "app", "remark", json!("记账工具小程序")),
        (E, "app", "remark", json!("为XXX用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易和用户发布内容。")),
        (E, "app", "remark", json!("这是一个工具小程序，为用户提供服务，测试使用相关功能。")),
    ];
    for (base, sec, key, v) in cases {
        let mut d: Value = serde_json::from_str(base).unwrap();
        set(&mut d, sec, key, v.clone());
        eprintln!("{sec}.{key}={v} -> {:?}", problems(&d));
    }
    let mut d: Value = serde_json::from_str(E).unwrap();
    d["subject"]["certificate_number"] = json!("92440300MA5FXXXX2Y");
    d["materials"]["commitment_letter"] = json!({"uploaded": true, "sealed": false});
    eprintln!("92 unsealed -> {:?}", problems(&d));
}
#[test]
fn timing() {
    let full: Value = serde_json::from_str(E).unwrap();
    let o = Options { today: Date::new(2026, 11, 23).unwrap(), complete: false };
    for key in ["subject", "app", "subject_principal", "materials", "all"] {
        let v = if key == "all" { full.clone() } else { let mut v = json!({}); v[key] = full[key].clone(); v };
        let d: Draft = serde_json::from_value(v).unwrap();
        let n = 5000;
        let t = std::time::Instant::now();
        for _ in 0..n { std::hint::black_box(check(&d, &o)); }
        eprintln!("{key}: {:?}/draft", t.elapsed() / n);
    }
}
#[test]
fn timing_app() {
    let o = Options { today: Date::new(2026, 11, 23).unwrap(), complete: false };
    let r = "为个人用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易和用户发布内容。";
    for (k, v) in [("remark only, no none", json!({"app": {"remark": r}})), ("remark + none", json!({"app": {"remark": r, "pre_approvals": [{"type": "以上都不涉及"}]}})), ("types", json!({"app": {"service_types": ["工具-记账"]}})), ("empty", json!({}))] {
        let d: Draft = serde_json::from_value(v).unwrap();
        let n = 20000;
        let t = std::time::Instant::now();
        for _ in 0..n { std::hint::black_box(check(&d, &o)); }
        eprintln!("{k}: {:?}/draft", t.elapsed() / n);
    }
}
