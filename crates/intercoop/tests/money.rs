//! Money end to end on SQLite and PostgreSQL (issue 16): the payment settings, a year
//! of fees, a funded campaign's requests, a camt.053 statement that pays some of them
//! (matched by reference; a partial payment, an overpayment kept as credit, a payment
//! nobody is found for), imported again without change, reminders for the rest, the
//! statements, the runway and the books; the EPC QR code read back by a real decoder;
//! and every bad input of the issue refused with its message, changing nothing.

mod common;

use common::{Api, TestApp, codes, open, pledge_ok, status_and_json};
use serde_json::{Value, json};

struct Org {
    id: i64,
    email: String,
    api: Api,
}

async fn member(app: &TestApp, admin: &Api, name: &str, kind: &str, size: Option<i64>) -> Org {
    let id = app.organisation(admin, name, kind, size).await;
    let slug: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let email = format!("rep@{slug}.example");
    let person = app.person(&email, &format!("Rep {name}"), Some(id), true, false).await;
    let api = app.api(&app.token_for(person).await);
    Org { id, email, api }
}

async fn settings(admin: &Api) {
    let r = admin
        .put(
            "/api/v1/network/payment-settings",
            &json!({"legal_name": "Komunigi ASBL", "address": "Rue de la Coop 1, 1000 Bruxelles",
                     "iban": "BE68 5390 0754 7034", "bic": "GEBABEBB", "reference_scheme": "be"}),
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
}

/// A campaign funded by the organisations, closed: its payment requests.
async fn funded(admin: &Api, provider: &Org, payers: &[&Org], amount: i64) -> Vec<Value> {
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Shelf labels", "description": "Print them.", "requested_by": payers[0].id}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let quote: Value = provider
        .api
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": amount}),
        )
        .await
        .json()
        .await
        .unwrap();
    open(
        admin,
        id,
        json!({"quote_id": quote["id"], "key": {"kind": "equal"}, "min_participants": 1}),
    )
    .await;
    for p in payers {
        pledge_ok(&p.api, id, p.id).await;
    }
    let closed: Value = admin
        .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["status"], "funded");
    closed["payment_requests"].as_array().unwrap().clone()
}

async fn request(admin: &Api, id: i64) -> Value {
    admin.json(&format!("/api/v1/payment-requests/{id}")).await
}

async fn trial_balance(admin: &Api) -> Value {
    let tb = admin.json("/api/v1/ledger/trial-balance").await;
    assert_eq!(
        tb["debit_cents"], tb["credit_cents"],
        "the trial balance sums to zero: {tb}"
    );
    tb
}

async fn books_are_right(app: &TestApp) {
    for b in intercoop::money::ledger::check_books(&app.db().read).await.unwrap() {
        assert!(b.discrepancies.is_empty(), "{:?}", b.discrepancies);
        assert_eq!(b.trial_balance.debit, b.trial_balance.credit);
    }
}

/// A bank-to-customer statement (camt.053.001.02) of the shape Belgian banks send:
/// group header, statement with its account and balances, booked entries with their
/// transaction details (references, debtor and its account, remittance, structured or
/// not), and an outgoing entry.
fn camt053(lines: &[(&str, i64, &str, &str, &str)]) -> String {
    let mut entries = String::new();
    for (i, (reference, cents, name, iban, remittance)) in lines.iter().enumerate() {
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        let rmt = if remittance.starts_with("+++") || remittance.starts_with("RF") {
            format!(
                "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>{}</Ref></CdtrRefInf></Strd>",
                remittance.replace(['+', '/'], "")
            )
        } else {
            format!("<Ustrd>{remittance}</Ustrd>")
        };
        entries.push_str(&format!(
            r#"
      <Ntry>
        <NtryRef>{n}</NtryRef>
        <Amt Ccy="EUR">{amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-03-02</Dt></BookgDt>
        <ValDt><Dt>2026-03-02</Dt></ValDt>
        <AcctSvcrRef>{reference}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
            <RltdPties>
              <Dbtr><Nm>{name}</Nm></Dbtr>
              <DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct>
            </RltdPties>
            <RmtInf>{rmt}</RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>"#,
            n = i + 1
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>053D2026-03-02T21:00:00.0000001</MsgId><CreDtTm>2026-03-02T21:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2026-03-02-001</Id>
      <ElctrncSeqNb>42</ElctrncSeqNb>
      <CreDtTm>2026-03-02T21:00:00</CreDtTm>
      <Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BIC>GEBABEBB</BIC></FinInstnId></Svcr></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
      {entries}
      <Ntry>
        <Amt Ccy="EUR">12.10</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-03-02</Dt></BookgDt>
        <AcctSvcrRef>OUT-1</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>Hosting</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>"#
    )
}

async fn import(admin: &Api, body: &str) -> (u16, Value) {
    status_and_json(admin.post_raw("/api/v1/bank-statements", body).await).await
}

both_backends!(
    fees_shares_statement_reminders_statements_runway,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        settings(&admin).await;
        let a = member(&app, &admin, "Alpha Market", "user", Some(400)).await;
        let b = member(&app, &admin, "Beta Market", "user", Some(1500)).await;
        let c = member(&app, &admin, "Gamma Market", "user", Some(200)).await;
        let provider = member(&app, &admin, "Code Coop", "provider", None).await;

        // 1. A year of fees: active 25 €/month, 35 € from size 1000 (Komunigi's proposal).
        let year = app.at_server_time(async { intercoop::clock::now() }).await.year();
        let r = admin
            .post(
                "/api/v1/fee-schedules",
                &json!({"year": year, "period": "yearly",
                     "tiers": {"active": [[0, 2500], [1000, 3500]], "observer": [[0, 1000]]}}),
            )
            .await;
        let (status, schedule) = status_and_json(r).await;
        assert_eq!(status, 201, "{schedule}");
        let r = admin
            .post(
                &format!("/api/v1/fee-schedules/{}/bill", schedule["id"]),
                &json!({"period": 0}),
            )
            .await;
        assert_eq!(r.status(), 202);
        app.run_jobs().await;
        let fees = admin.json("/api/v1/payment-requests?status=open").await;
        let fees = fees["items"].as_array().unwrap().clone();
        // The four member organisations (the provider too: it is a member), joined this
        // month: pro rata from this month to December.
        // This month in the network's time zone, where the fee's months are counted.
        use sea_orm::EntityTrait;
        let tz = intercoop::entities::network::Entity::find_by_id(app.network_id().await)
            .one(&app.db().read)
            .await
            .unwrap()
            .unwrap()
            .time_zone;
        let month = app
            .at_server_time(async move { intercoop::money::today(&tz) })
            .await
            .month() as i64;
        let months = 13 - month;
        let fee_of = |org: i64| fees.iter().find(|f| f["organisation_id"] == org).cloned().unwrap();
        assert_eq!(fee_of(a.id)["amount_cents"], 2500 * months);
        assert_eq!(fee_of(b.id)["amount_cents"], 3500 * months, "the tier from size 1000");
        assert_eq!(fee_of(a.id)["purpose"], "fee");
        let reference = fee_of(a.id)["reference"].as_str().unwrap().to_string();
        assert!(
            reference.starts_with("+++") && reference.ends_with("+++"),
            "{reference}"
        );
        // Billing the same period again makes nothing more.
        admin
            .post(
                &format!("/api/v1/fee-schedules/{}/bill", schedule["id"]),
                &json!({"period": 0}),
            )
            .await;
        app.run_jobs().await;
        let again = admin.json("/api/v1/payment-requests").await;
        assert_eq!(again["total"], fees.len() as i64);
        // Each representative got its fee by email, with the reference and the request's page.
        let mails = app.mails_to(&a.email).await;
        let fee_mail = mails
            .iter()
            .find(|m| *m.kind == intercoop::notifications::Kind::FeeRequest)
            .expect("the fee email");
        assert!(fee_mail.text_body.contains(&reference), "{}", fee_mail.text_body);
        assert!(
            fee_mail
                .text_body
                .contains(&format!("/money/requests/{}", fee_of(a.id)["id"]))
        );

        // 2. A funded campaign: its requests continue the year's numbers, without gaps.
        let shares = funded(&admin, &provider, &[&a, &b, &c], 90_001).await;
        assert_eq!(shares.len(), 3);
        let all = admin.json("/api/v1/payment-requests?per_page=100").await;
        let mut numbers: Vec<i64> = all["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["number"]
                    .as_str()
                    .unwrap()
                    .split('-')
                    .nth(1)
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        numbers.sort();
        assert_eq!(
            numbers,
            (1..=numbers.len() as i64).collect::<Vec<_>>(),
            "numbers without gaps"
        );
        let share_of = |org: i64| shares.iter().find(|s| s["organisation_id"] == org).cloned().unwrap();
        let total: i64 = shares.iter().map(|s| s["amount_cents"].as_i64().unwrap()).sum();
        assert_eq!(total, 90_001, "shares sum exactly");
        let tb = trial_balance(&admin).await;
        assert!(tb["debit_cents"].as_i64().unwrap() > 0);

        // 3. A camt.053 statement: A pays its share by reference, B half of its fee, C its
        // share and 10 € more (its credit), someone unknown 7 € with a reference of wrong
        // check digits; and money out (skipped).
        let share_a = share_of(a.id);
        let share_c = share_of(c.id);
        let req_a = request(&admin, share_a["id"].as_i64().unwrap()).await;
        let req_c = request(&admin, share_c["id"].as_i64().unwrap()).await;
        let fee_b = fee_of(b.id);
        let half_b = fee_b["amount_cents"].as_i64().unwrap() / 2;
        let wrong = "+++000/0000/00098+++";
        let statement = camt053(&[
            (
                "BANK-1",
                req_a["amount_cents"].as_i64().unwrap(),
                "Alpha Market",
                "BE71096123456769",
                req_a["reference"].as_str().unwrap(),
            ),
            (
                "BANK-2",
                half_b,
                "Beta Market",
                "BE62510007547061",
                fee_b["reference"].as_str().unwrap(),
            ),
            (
                "BANK-3",
                req_c["amount_cents"].as_i64().unwrap() + 1000,
                "Gamma Market",
                "BE83540256917915",
                req_c["reference"].as_str().unwrap(),
            ),
            ("BANK-4", 700, "Somebody", "NL91ABNA0417164300", wrong),
        ]);
        let (status, out) = import(&admin, &statement).await;
        assert_eq!(status, 201, "{out}");
        assert_eq!(
            (
                out["entries"].as_i64(),
                out["matched"].as_i64(),
                out["unmatched"].as_i64(),
                out["skipped"].as_i64()
            ),
            (Some(5), Some(3), Some(1), Some(1)),
            "{out}"
        );
        let req_a = request(&admin, req_a["id"].as_i64().unwrap()).await;
        assert_eq!(req_a["status"], "paid");
        let fee_b_now = request(&admin, fee_b["id"].as_i64().unwrap()).await;
        assert_eq!(
            (fee_b_now["status"].as_str(), fee_b_now["paid_cents"].as_i64()),
            (Some("open"), Some(half_b)),
            "partial"
        );
        let req_c = request(&admin, req_c["id"].as_i64().unwrap()).await;
        assert_eq!(req_c["status"], "paid");
        let statement_c = admin.json(&format!("/api/v1/organisations/{}/statement", c.id)).await;
        let owed_c = fee_of(c.id)["amount_cents"].as_i64().unwrap();
        assert_eq!(
            statement_c["balance_cents"],
            owed_c - 1000,
            "the 10 € more is C's credit: {statement_c}"
        );
        // C's credit paid its oldest open request (its fee) at once.
        let fee_c = request(&admin, fee_of(c.id)["id"].as_i64().unwrap()).await;
        assert_eq!(
            (fee_c["paid_cents"].as_i64(), fee_c["credit_cents"].as_i64()),
            (Some(1000), Some(1000)),
            "{fee_c}"
        );
        let before = trial_balance(&admin).await;
        // The same statement again changes nothing.
        let (status, again) = import(&admin, &statement).await;
        assert_eq!(status, 200);
        assert_eq!(again["already_imported"], true);
        assert_eq!(trial_balance(&admin).await, before);
        // The unknown payment waits for the treasurer, who says it is B's other half.
        let unmatched = admin.json("/api/v1/payments/unmatched").await;
        let unknown = unmatched
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["amount_cents"] == 700)
            .unwrap()
            .clone();
        let r = admin
            .post(
                &format!("/api/v1/payments/{}/assign", unknown["id"]),
                &json!({"payment_request_id": fee_b["id"]}),
            )
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        assert_eq!(
            request(&admin, fee_b["id"].as_i64().unwrap()).await["paid_cents"],
            half_b + 700
        );

        // 4. Reminders: after the due date, the representatives of what is unpaid; 14 days
        // later, the administrators too. Paid requests are not reminded.
        app.clock.advance(time::Duration::days(31));
        let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
        let network = app.network_id().await;
        let sent = app
            .at_server_time(intercoop::money::jobs::remind_network(&txn, network))
            .await
            .unwrap();
        txn.commit().await.unwrap();
        assert!(sent >= 4, "{sent}");
        let reminded = |mails: &[intercoop::entities::outbox_message::Model]| {
            mails
                .iter()
                .filter(|m| *m.kind == intercoop::notifications::Kind::PaymentReminder)
                .count()
        };
        assert_eq!(reminded(&app.mails_to(&b.email).await), 2, "B's fee and share");
        assert_eq!(
            reminded(&app.mails_to(&a.email).await),
            1,
            "A's fee only: its share is paid"
        );
        assert_eq!(reminded(&app.mails_to("admin@test.example").await), 0);
        app.clock.advance(time::Duration::days(14));
        let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
        app.at_server_time(intercoop::money::jobs::remind_network(&txn, network))
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let admin_mails = app.mails_to("admin@test.example").await;
        assert!(reminded(&admin_mails) >= 4, "escalated to the administrators");
        let escalated = intercoop::i18n::Lang::ALL.map(|l| l.t("money-mail-reminder-escalated"));
        assert!(
            admin_mails
                .iter()
                .any(|m| escalated.iter().any(|e| m.text_body.contains(e.as_str())))
        );

        // 5. The statements, the treasurer's totals and the runway.
        let statement_a = admin.json(&format!("/api/v1/organisations/{}/statement", a.id)).await;
        assert_eq!(statement_a["paid_cents"], req_a["amount_cents"]);
        assert_eq!(statement_a["balance_cents"], fee_of(a.id)["amount_cents"]);
        let own = a.api.json(&format!("/api/v1/organisations/{}/statement", a.id)).await;
        assert_eq!(own, statement_a, "its representative reads the same");
        assert_eq!(
            a.api
                .get(&format!("/api/v1/organisations/{}/statement", b.id))
                .await
                .status(),
            403
        );
        let r = admin
            .put(
                "/api/v1/network/budget",
                &json!({"monthly_costs_cents": 400_000, "grant_monthly_cents": 300_000,
            "grant_ends_on": format!("{}-12-31", year + 1)}),
            )
            .await;
        let (status, runway) = status_and_json(r).await;
        assert_eq!(status, 200, "{runway}");
        assert_eq!(runway["members"], 4);
        assert_eq!(
            runway["sustainable_fee_cents"], 100_000,
            "4 000 € a month among 4 members"
        );
        assert!(runway["months"].as_i64().is_some(), "{runway}");
        let page = app.client();
        app.login(&page, "admin@test.example").await;
        let overview = page.text("/money").await;
        assert!(overview.contains("id=\"runway-months\""), "{overview}");
        let printable = page.text(&format!("/money/requests/{}", fee_b["id"])).await;
        assert!(printable.contains("BE68 5390 0754 7034") && printable.contains(fee_b["reference"].as_str().unwrap()));
        assert!(printable.contains("qr.svg"));
        let csv = page.text("/money/journal.csv").await;
        assert!(csv.starts_with("entry,date,kind"));
        books_are_right(&app).await;
    }
);

both_backends!(the_qr_code_reads_back_as_the_epc_payload, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    settings(&admin).await;
    let a = member(&app, &admin, "Alpha Market", "user", Some(400)).await;
    let r = admin
        .post(
            "/api/v1/payment-requests",
            &json!({"organisation_id": a.id, "amount_cents": 12_345, "purpose": "Hosting 2026"}),
        )
        .await;
    let (status, made) = status_and_json(r).await;
    assert_eq!(status, 201, "{made}");
    assert!(made["number"].as_str().unwrap().ends_with("-1"));
    let reference = intercoop_domain::bank::Reference::parse(made["reference"].as_str().unwrap()).unwrap();
    let png = a
        .api
        .get(&format!("/api/v1/payment-requests/{}/qr.png", made["id"]))
        .await;
    assert_eq!(png.headers()["content-type"], "image/png");
    let bytes = png.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("qr.png");
    std::fs::write(&file, &bytes).unwrap();
    let out = std::process::Command::new("zbarimg")
        .args(["--raw", "-q", "-Sbinary"])
        .arg(&file)
        .output()
        .expect("zbarimg (Debian's zbar-tools) decodes the QR code");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let decoded = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "BCD\n002\n1\nSCT\nGEBABEBB\nKomunigi ASBL\nBE68539007547034\nEUR123.45\n\n{}",
        reference.electronic()
    );
    assert_eq!(decoded.trim_end_matches('\n'), expected);
    let svg = a
        .api
        .get(&format!("/api/v1/payment-requests/{}/qr.svg", made["id"]))
        .await;
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    // Another organisation's people do not see it.
    let b = member(&app, &admin, "Beta Market", "user", Some(400)).await;
    assert_eq!(
        b.api
            .get(&format!("/api/v1/payment-requests/{}/qr.png", made["id"]))
            .await
            .status(),
        403
    );
});

both_backends!(bad_input_is_refused_and_changes_nothing, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    // An IBAN with a wrong check digit.
    let r = admin
        .put(
            "/api/v1/network/payment-settings",
            &json!({"legal_name": "K", "address": "A", "iban": "BE69 5390 0754 7034", "reference_scheme": "be"}),
        )
        .await;
    let (status, problem) = status_and_json(r).await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem), ["bank-check"]);
    let r = admin
        .put(
            "/api/v1/network/payment-settings",
            &json!({"legal_name": "K", "address": "A", "iban": "BE68 5390 0754 7034", "reference_scheme": "xx"}),
        )
        .await;
    assert_eq!(codes(&status_and_json(r).await.1), ["reference-scheme"]);
    settings(&admin).await;
    let a = member(&app, &admin, "Alpha Market", "user", Some(400)).await;
    let made: Value = admin
        .post(
            "/api/v1/payment-requests",
            &json!({"organisation_id": a.id, "amount_cents": 5_000, "purpose": "Hosting"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let tb = trial_balance(&admin).await;
    let count = |app: &TestApp| {
        let db = app.db().read.clone();
        async move {
            use sea_orm::{EntityTrait, PaginatorTrait};
            intercoop::money::entities::payment::Entity::find()
                .count(&db)
                .await
                .unwrap()
        }
    };
    // A foreign XML file, a broken one, an amount with three decimals (in CSV and in
    // camt.053), another account's statement: each refused whole.
    let foreign = r#"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>"#;
    let (status, problem) = import(&admin, foreign).await;
    assert_eq!(
        (status, codes(&problem)),
        (422, vec!["statement-not-camt053".to_string()])
    );
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("camt.053"));
    let (status, problem) = import(
        &admin,
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><Stmt></Document>",
    )
    .await;
    assert_eq!((status, codes(&problem)), (422, vec!["statement-xml".to_string()]));
    let reference = made["reference"].as_str().unwrap();
    let (status, problem) = import(
        &admin,
        &format!("date;amount;communication\n2026-03-02;50,00;{reference}\n2026-03-02;12.345;x\n"),
    )
    .await;
    assert_eq!((status, codes(&problem)), (422, vec!["statement-decimals".to_string()]));
    assert!(
        problem["errors"][0]["message"].as_str().unwrap().contains("Line 3"),
        "{problem}"
    );
    let three =
        camt053(&[("B-1", 5000, "Alpha", "BE71096123456769", reference)]).replace("50.00</Amt>", "50.005</Amt>");
    assert_eq!(codes(&import(&admin, &three).await.1), ["statement-decimals"]);
    let other = camt053(&[("B-1", 5000, "Alpha", "BE71096123456769", reference)])
        .replace("<IBAN>BE68539007547034</IBAN>", "<IBAN>BE71096123456769</IBAN>");
    assert_eq!(codes(&import(&admin, &other).await.1), ["statement-other-account"]);
    assert_eq!(count(&app).await, 0, "nothing imported");
    assert_eq!(trial_balance(&admin).await, tb, "the books unchanged");
    // A reference with a wrong modulo matches nothing: the payment waits for the treasurer.
    let (status, out) = import(
        &admin,
        "date,amount,communication\n2026-03-02,50.00,+++000/0000/00098+++\n",
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!((out["matched"].as_i64(), out["unmatched"].as_i64()), (Some(0), Some(1)));
    // A payment for a cancelled request.
    let r = admin
        .post(&format!("/api/v1/payment-requests/{}/cancel", made["id"]), &json!({}))
        .await;
    assert_eq!(r.status(), 200);
    let r = admin
        .post(
            "/api/v1/payments",
            &json!({"payment_request_id": made["id"], "amount_cents": 5_000}),
        )
        .await;
    let (status, problem) = status_and_json(r).await;
    assert_eq!((status, codes(&problem)), (422, vec!["request-cancelled".to_string()]));
    // An amount with more than two decimals on the page: refused beside its field.
    let page = app.client();
    app.login(&page, "admin@test.example").await;
    let r = page
        .form(
            "/money/requests/new",
            &[
                ("organisation_id", &a.id.to_string()),
                ("amount", "12,345"),
                ("purpose", "x"),
                ("due_on", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("At most two decimals"), "{body}");
    // Another network's administrator sees none of it.
    let other = app.other_network_admin().await;
    assert_eq!(
        other
            .get(&format!("/api/v1/payment-requests/{}", made["id"]))
            .await
            .status(),
        404
    );
    books_are_right(&app).await;
});

both_backends!(
    grants_costs_and_providers_move_the_bank_and_the_runway,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        settings(&admin).await;
        let a = member(&app, &admin, "Alpha Market", "user", Some(400)).await;
        let provider = member(&app, &admin, "Code Coop", "provider", None).await;
        let shares = funded(&admin, &provider, &[&a], 50_000).await;
        let campaign = {
            let r = request(&admin, shares[0]["id"].as_i64().unwrap()).await;
            assert_eq!(r["amount_cents"], 50_000);
            use sea_orm::{EntityTrait, QueryOrder};
            intercoop::funding::entities::campaign::Entity::find()
                .order_by_desc(intercoop::funding::entities::campaign::Column::Id)
                .one(&app.db().read)
                .await
                .unwrap()
                .unwrap()
                .id
        };
        let post = |body: Value| {
            let admin = &admin;
            async move { status_and_json(admin.post("/api/v1/ledger/entries", &body).await).await }
        };
        let (status, grant) =
            post(json!({"kind": "grant-received", "amount_cents": 1_000_000, "memo": "Region 2026"})).await;
        assert_eq!(status, 201, "{grant}");
        assert_eq!(grant["bank_cents"], 1_000_000);
        let (_, cost) = post(json!({"kind": "operating-cost", "amount_cents": 40_000, "memo": "Hosting"})).await;
        assert_eq!(cost["bank_cents"], 960_000);
        // A provider is paid out of what is held for its campaign, never more.
        let (status, problem) =
            post(json!({"kind": "provider-paid", "amount_cents": 50_001, "campaign_id": campaign})).await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["provider-exceeds-held".to_string()])
        );
        let (status, paid) =
            post(json!({"kind": "provider-paid", "amount_cents": 50_000, "campaign_id": campaign})).await;
        assert_eq!(status, 201, "{paid}");
        assert_eq!(paid["bank_cents"], 910_000);
        let tb = trial_balance(&admin).await;
        assert!(
            tb["accounts"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a["account"] != "project"),
            "the campaign's money is spent: {tb}"
        );
        let (status, problem) = post(json!({"kind": "gift", "amount_cents": 1})).await;
        assert_eq!((status, codes(&problem)), (422, vec!["entry-kind".to_string()]));
        // Another network cannot pay a provider out of this network's campaign.
        let other = app.other_network_admin().await;
        let r = other
            .post(
                "/api/v1/ledger/entries",
                &json!({"kind": "provider-paid", "amount_cents": 1, "campaign_id": campaign}),
            )
            .await;
        assert_eq!(codes(&status_and_json(r).await.1), ["campaign-unknown"]);
        let runway = admin.json("/api/v1/runway").await;
        assert_eq!(runway["cash_cents"], 910_000);
        books_are_right(&app).await;
    }
);

both_backends!(
    a_statement_larger_than_two_megabytes_imports_whole,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        settings(&admin).await;
        let a = member(&app, &admin, "Alpha Market", "user", Some(400)).await;
        let made: Value = admin
            .post(
                "/api/v1/payment-requests",
                &json!({"organisation_id": a.id, "amount_cents": 300_000, "purpose": "Hosting"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let reference = made["reference"].as_str().unwrap().to_string();
        // 3 000 movements of 1 €, each paying part of the request by its reference.
        let refs: Vec<String> = (0..3_000).map(|i| format!("BANK-{i}")).collect();
        let lines: Vec<(&str, i64, &str, &str, &str)> = refs
            .iter()
            .map(|r| (r.as_str(), 100, "Alpha Market", "BE71096123456769", reference.as_str()))
            .collect();
        let statement = camt053(&lines);
        assert!(statement.len() > 2 * 1024 * 1024, "{} bytes", statement.len());
        let started = std::time::Instant::now();
        let (status, out) = import(&admin, &statement).await;
        assert_eq!(status, 201, "{out}");
        eprintln!("{} movements imported in {:?}", out["entries"], started.elapsed());
        assert_eq!(out["matched"], 3_000);
        let r = request(&admin, made["id"].as_i64().unwrap()).await;
        assert_eq!(
            (r["status"].as_str(), r["paid_cents"].as_i64()),
            (Some("paid"), Some(300_000))
        );
        books_are_right(&app).await;
    }
);
