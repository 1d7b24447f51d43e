//! A payment request as a one-page A4 PDF: the network's name and address, the
//! organisation, what it is for, the amount, the due date, the bank account, the
//! reference, and the EPC QR code drawn as squares (no image, no font embedded: the
//! standard Helvetica in WinAnsi, which every PDF reader has).

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
use qrcode::{Color, EcLevel, QrCode};

/// What the PDF shows, each line already in the reader's language.
pub struct Sheet {
    pub title: String,
    /// (label, value) lines.
    pub lines: Vec<(String, String)>,
    /// The EPC QR payload, when there is one.
    pub qr: Option<String>,
    pub caption: String,
}

/// Text in WinAnsi (Windows-1252): Latin-1 as is, the euro sign, the typographic
/// quotes and dashes; any other character as `?` (a name in another script still
/// reads on the HTML page).
pub(crate) fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            '\u{202f}' | '\u{a0}' => 0xa0,
            c if (c as u32) < 0x80 && !c.is_control() => c as u8,
            c if (0xa0..=0xff).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

/// The PDF of a sheet.
pub fn render(sheet: &Sheet) -> anyhow::Result<Vec<u8>> {
    let (catalog, tree, page, font, bold, content_id) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    p.parent(tree);
    p.contents(content_id);
    {
        let mut resources = p.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), font);
        fonts.pair(Name(b"F2"), bold);
    }
    p.finish();
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));

    let mut c = Content::new();
    let mut y = 780.0;
    c.begin_text();
    c.set_font(Name(b"F2"), 18.0);
    c.next_line(56.0, y);
    c.show(Str(&win_ansi(&sheet.title)));
    c.end_text();
    y -= 36.0;
    for (label, value) in &sheet.lines {
        c.begin_text();
        c.set_font(Name(b"F1"), 10.0);
        c.next_line(56.0, y);
        c.show(Str(&win_ansi(label)));
        c.end_text();
        c.begin_text();
        c.set_font(Name(b"F2"), 12.0);
        c.next_line(220.0, y);
        c.show(Str(&win_ansi(value)));
        c.end_text();
        y -= 22.0;
    }
    if let Some(payload) = &sheet.qr {
        let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?;
        let modules = code.width();
        // 50 mm wide (the EPC guidelines ask at least 2 cm), from below the lines.
        let side = 142.0_f32;
        let unit = side / modules as f32;
        let (left, top) = (56.0_f32, y - 16.0);
        c.set_fill_gray(0.0);
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == Color::Dark {
                let (col, row) = ((i % modules) as f32, (i / modules) as f32);
                c.rect(left + col * unit, top - (row + 1.0) * unit, unit, unit);
            }
        }
        c.fill_nonzero();
        c.begin_text();
        c.set_font(Name(b"F1"), 9.0);
        c.next_line(left, top - side - 16.0);
        c.show(Str(&win_ansi(&sheet.caption)));
        c.end_text();
    }
    pdf.stream(content_id, &c.finish());
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_with_its_text_and_code() {
        let pdf = render(&Sheet {
            title: "Demande de paiement 2026-7".into(),
            lines: vec![
                ("Montant".into(), "25,00 €".into()),
                ("Communication".into(), "+++202/6000/00007+++".into()),
            ],
            qr: Some("BCD\n002\n1\nSCT\n\nK\nBE68539007547034\nEUR25.00\n\n202600000707".into()),
            caption: "Scannez-le".into(),
        })
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("+++202/6000/00007+++"), "the reference, uncompressed");
        assert!(text.contains("Montant") && text.contains("Demande de paiement 2026-7"));
        assert_eq!(win_ansi("Zürich – 5 €"), b"Z\xfcrich \x96 5 \x80");
        assert_eq!(win_ansi("Київ"), b"????");
    }
}
