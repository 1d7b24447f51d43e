//! The welcome booklet as a PDF (A4, issue 18 item 4): a title page with the chapters,
//! then each booklet page as a chapter starting on a new sheet, its Markdown set as
//! headings, paragraphs, lists and code, lines broken to the measure; page numbers at
//! the foot. Written with `pdf-writer` (no I/O, no headless browser), in the standard
//! Helvetica and Courier (WinAnsi: the Latin letters of FR, EN, DE and NL; any other
//! character as `?`, the HTML booklet shows it). Images are left out, their alt text kept.

use super::metrics::{HELVETICA, HELVETICA_BOLD};
use crate::money::pdf::win_ansi;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

/// A chapter: a page's title and Markdown.
pub struct Chapter {
    pub title: String,
    pub markdown: String,
}

/// What the PDF shows, the words already in the reader's language.
pub struct Booklet {
    /// The network's name, on the title page.
    pub network: String,
    /// "Welcome booklet".
    pub title: String,
    /// "Contents".
    pub contents: String,
    pub chapters: Vec<Chapter>,
}

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 64.0;
const BOTTOM: f32 = 72.0;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Body,
    Bold,
    Code,
}

#[derive(Debug)]
struct Block {
    style: Style,
    size: f32,
    indent: f32,
    bullet: Option<String>,
    text: String,
    space_before: f32,
}

impl Style {
    fn font(self) -> Name<'static> {
        match self {
            Style::Body => Name(b"F1"),
            Style::Bold => Name(b"F2"),
            Style::Code => Name(b"F3"),
        }
    }
}

/// The width of `text` (WinAnsi bytes) in points.
fn width(text: &[u8], style: Style, size: f32) -> f32 {
    let units: u32 = match style {
        // Courier: every glyph 600.
        Style::Code => 600 * text.len() as u32,
        Style::Body => text.iter().map(|b| u32::from(HELVETICA[*b as usize])).sum(),
        Style::Bold => text.iter().map(|b| u32::from(HELVETICA_BOLD[*b as usize])).sum(),
    };
    units as f32 * size / 1000.0
}

/// Breaks `text` into lines no wider than `max` points, between words; a word wider
/// than a line is broken between its letters.
fn wrap(text: &str, style: Style, size: f32, max: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in text.split_whitespace() {
        let mut w = win_ansi(word);
        let candidate_width = width(&line, style, size) + width(b" ", style, size) + width(&w, style, size);
        if !line.is_empty() && candidate_width > max {
            lines.push(std::mem::take(&mut line));
        }
        while width(&w, style, size) > max && w.len() > 1 {
            // Split the longest part of the word that fits.
            let mut cut = w.len() - 1;
            while cut > 1 && width(&w[..cut], style, size) > max {
                cut -= 1;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(w[..cut].to_vec());
            w = w[cut..].to_vec();
        }
        if !line.is_empty() {
            line.push(b' ');
        }
        line.extend_from_slice(&w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The blocks of a Markdown text being read: the text of the block under way and how
/// it is set.
struct Reader {
    out: Vec<Block>,
    text: String,
    style: Style,
    size: f32,
    space: f32,
    lists: Vec<Option<u64>>,
    bullet: Option<String>,
    quote: f32,
    link: Option<String>,
}

impl Reader {
    /// Ends the block under way (if it holds anything).
    fn flush(&mut self) {
        if !self.text.trim().is_empty() || self.bullet.is_some() {
            self.out.push(Block {
                style: self.style,
                size: self.size,
                indent: self.lists.len() as f32 * 16.0 + self.quote,
                bullet: self.bullet.take(),
                text: std::mem::take(&mut self.text),
                space_before: self.space,
            });
        }
        self.text.clear();
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush();
                self.style = Style::Bold;
                (self.size, self.space) = match level {
                    HeadingLevel::H1 => (16.0, 14.0),
                    HeadingLevel::H2 => (14.0, 12.0),
                    _ => (12.0, 10.0),
                };
            }
            Event::End(TagEnd::Heading(_)) => {
                self.flush();
                (self.style, self.size, self.space) = (Style::Body, 11.0, 6.0);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.flush();
                (self.style, self.size) = (Style::Code, 9.5);
            }
            Event::End(TagEnd::CodeBlock) => {
                let indent = self.lists.len() as f32 * 16.0 + self.quote + 8.0;
                for line in std::mem::take(&mut self.text).lines() {
                    self.out.push(Block {
                        style: Style::Code,
                        size: 9.5,
                        indent,
                        bullet: None,
                        // Keep the code's own spaces (non-breaking: `wrap` splits on spaces).
                        text: line.replace(' ', "\u{a0}"),
                        space_before: 0.0,
                    });
                }
                (self.style, self.size) = (Style::Body, 11.0);
            }
            Event::Start(Tag::List(first)) => {
                self.flush();
                self.lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.flush();
                self.bullet = Some(match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                });
            }
            Event::Start(Tag::BlockQuote(_)) => {
                self.flush();
                self.quote += 16.0;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush();
                self.quote -= 16.0;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => self.flush(),
            Event::End(TagEnd::TableCell) => self.text.push_str("  |  "),
            Event::Start(Tag::Link { dest_url, .. }) => self.link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = self
                    .link
                    .take()
                    .filter(|u| u.starts_with("http") && !self.text.ends_with(u.as_str()))
                {
                    self.text.push_str(&format!(" ({url})"));
                }
            }
            Event::Text(t) | Event::Code(t) => self.text.push_str(&t),
            Event::SoftBreak => self.text.push(' '),
            Event::HardBreak => {
                let space = std::mem::replace(&mut self.space, 0.0);
                self.flush();
                self.space = space;
            }
            Event::Rule => {
                self.flush();
                self.text = "—".repeat(12);
                self.flush();
            }
            _ => {}
        }
    }
}

/// The blocks of a Markdown text.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut r = Reader {
        out: Vec::new(),
        text: String::new(),
        style: Style::Body,
        size: 11.0,
        space: 6.0,
        lists: Vec::new(),
        bullet: None,
        quote: 0.0,
        link: None,
    };
    for event in pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        r.event(event);
    }
    r.flush();
    r.out
}

/// Sheets being written: each a content stream; `y` the next baseline.
struct Writer {
    sheets: Vec<Content>,
    y: f32,
}

impl Writer {
    fn new_sheet(&mut self) {
        self.sheets.push(Content::new());
        self.y = HEIGHT - MARGIN;
    }

    fn line(&mut self, x: f32, style: Style, size: f32, bytes: &[u8]) {
        let leading = size * 1.35;
        if self.y - leading < BOTTOM {
            self.new_sheet();
        }
        self.y -= leading;
        let c = self.sheets.last_mut().expect("a sheet");
        c.begin_text();
        c.set_font(style.font(), size);
        c.next_line(x, self.y);
        c.show(Str(bytes));
        c.end_text();
    }

    fn block(&mut self, b: &Block) {
        self.y -= b.space_before;
        let x = MARGIN + b.indent + if b.bullet.is_some() { 16.0 } else { 0.0 };
        let lines = wrap(&b.text, b.style, b.size, WIDTH - MARGIN - x);
        for (i, l) in lines.iter().enumerate() {
            self.line(x, b.style, b.size, l);
            if i == 0
                && let Some(bullet) = &b.bullet
            {
                let c = self.sheets.last_mut().expect("a sheet");
                c.begin_text();
                c.set_font(Name(b"F1"), b.size);
                c.next_line(MARGIN + b.indent, self.y);
                c.show(Str(&win_ansi(bullet)));
                c.end_text();
            }
        }
    }
}

/// The booklet's PDF.
pub fn render(b: &Booklet) -> anyhow::Result<Vec<u8>> {
    let mut w = Writer {
        sheets: Vec::new(),
        y: 0.0,
    };
    w.new_sheet();
    w.y -= 120.0;
    w.line(MARGIN, Style::Bold, 24.0, &win_ansi(&b.title));
    w.y -= 8.0;
    w.line(MARGIN, Style::Body, 16.0, &win_ansi(&b.network));
    w.y -= 40.0;
    w.line(MARGIN, Style::Bold, 13.0, &win_ansi(&b.contents));
    for (i, ch) in b.chapters.iter().enumerate() {
        for l in wrap(
            &format!("{}. {}", i + 1, ch.title),
            Style::Body,
            11.0,
            WIDTH - 2.0 * MARGIN,
        ) {
            w.line(MARGIN, Style::Body, 11.0, &l);
        }
    }
    for (i, ch) in b.chapters.iter().enumerate() {
        w.new_sheet();
        let title = Block {
            style: Style::Bold,
            size: 20.0,
            indent: 0.0,
            bullet: None,
            text: format!("{}. {}", i + 1, ch.title),
            space_before: 0.0,
        };
        w.block(&title);
        w.y -= 8.0;
        for block in blocks(&ch.markdown) {
            w.block(&block);
        }
    }

    let (catalog, tree, font, bold, mono) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    let count = w.sheets.len();
    let ids: Vec<(Ref, Ref)> = (0..count)
        .map(|i| (Ref::new(6 + 2 * i as i32), Ref::new(7 + 2 * i as i32)))
        .collect();
    pdf.pages(tree).kids(ids.iter().map(|(p, _)| *p)).count(count as i32);
    for (n, ((page, content), mut c)) in ids.iter().zip(w.sheets).enumerate() {
        // The foot: "n / N".
        let foot = format!("{} / {count}", n + 1);
        c.begin_text();
        c.set_font(Name(b"F1"), 9.0);
        c.next_line(WIDTH - MARGIN - width(foot.as_bytes(), Style::Body, 9.0), 40.0);
        c.show(Str(foot.as_bytes()));
        c.end_text();
        let mut p = pdf.page(*page);
        p.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
        p.parent(tree);
        p.contents(*content);
        {
            let mut resources = p.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(b"F1"), font);
            fonts.pair(Name(b"F2"), bold);
            fonts.pair(Name(b"F3"), mono);
        }
        p.finish();
        pdf.stream(*content, &c.finish());
    }
    for (r, name) in [
        (font, &b"Helvetica"[..]),
        (bold, &b"Helvetica-Bold"[..]),
        (mono, &b"Courier"[..]),
    ] {
        pdf.type1_font(r)
            .base_font(Name(name))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_to_the_measure() {
        let text =
            "Bienvenue dans le réseau : chaque supermarché coopératif envoie un représentant à l'assemblée mensuelle.";
        let lines = wrap(text, Style::Body, 11.0, 200.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l, Style::Body, 11.0) <= 200.0, "{}", String::from_utf8_lossy(l));
        }
        let joined: Vec<u8> = lines.join(&b' ');
        assert_eq!(joined, win_ansi(text));
        // A word longer than the line is broken, never lost.
        let long = "x".repeat(200);
        let parts = wrap(&long, Style::Bold, 11.0, 100.0);
        assert_eq!(parts.concat().len(), 200);
    }

    #[test]
    fn markdown_makes_headings_lists_and_code() {
        let b = blocks(
            "# Title\n\nSome *text* with [a link](https://example.org).\n\n1. one\n2. two\n\n- a\n\n```\nlet x = 1;\n```\n",
        );
        let kinds: Vec<(Style, Option<&str>, &str)> = b
            .iter()
            .map(|b| (b.style, b.bullet.as_deref(), b.text.as_str()))
            .collect();
        assert_eq!(kinds[0], (Style::Bold, None, "Title"));
        assert_eq!(
            kinds[1],
            (Style::Body, None, "Some text with a link (https://example.org).")
        );
        assert_eq!(kinds[2], (Style::Body, Some("1."), "one"));
        assert_eq!(kinds[3], (Style::Body, Some("2."), "two"));
        assert_eq!(kinds[4], (Style::Body, Some("•"), "a"));
        assert_eq!(kinds[5], (Style::Code, None, "let\u{a0}x\u{a0}=\u{a0}1;"));
    }

    #[test]
    fn a_booklet_is_a_pdf_with_a_sheet_per_chapter() {
        let chapters = (1..=3)
            .map(|i| Chapter {
                title: format!("Chapitre {i}"),
                markdown: "Un paragraphe assez long pour tenir sur plusieurs lignes. ".repeat(40 * i),
            })
            .collect();
        let pdf = render(&Booklet {
            network: "Komunigi".into(),
            title: "Carnet d'accueil".into(),
            contents: "Sommaire".into(),
            chapters,
        })
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        let count: usize = text
            .split("/Count ")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .expect("a page tree with its count");
        // The title page, then chapters of 40, 80 and 120 sentences: the last two run
        // over a sheet.
        assert!(count >= 6, "{count} sheets");
        assert!(text.contains("(Carnet d'accueil)"), "the title, in the content");
    }
}
