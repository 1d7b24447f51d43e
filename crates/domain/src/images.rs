//! Which raster image a file is, from its first bytes (never from its name or the type
//! a browser declared): PNG (PNG spec §5.2 signature), JPEG (SOI marker `FF D8` and a
//! marker `FF`), GIF (`GIF87a`/`GIF89a`) or WebP (a RIFF container of form `WEBP`).
//! Anything else — SVG (which can carry scripts), HTML, PDF — is none of them.

/// An image type the logbook takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageType {
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl ImageType {
    /// The type of `bytes`, if they start as one of the four.
    pub fn sniff(bytes: &[u8]) -> Option<ImageType> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageType::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageType::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ImageType::Gif)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageType::Webp)
        } else {
            None
        }
    }

    /// Its media type (IANA), as served.
    pub fn content_type(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Gif => "image/gif",
            ImageType::Webp => "image/webp",
        }
    }

    /// The type a stored media type names (one of the four above).
    pub fn from_content_type(s: &str) -> Option<ImageType> {
        [ImageType::Png, ImageType::Jpeg, ImageType::Gif, ImageType::Webp]
            .into_iter()
            .find(|t| t.content_type() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_four_types_are_known_by_their_bytes() {
        assert_eq!(ImageType::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(ImageType::Png));
        assert_eq!(
            ImageType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]),
            Some(ImageType::Jpeg)
        );
        assert_eq!(ImageType::sniff(b"GIF89a\x01\0\x01\0"), Some(ImageType::Gif));
        assert_eq!(ImageType::sniff(b"RIFF\x24\0\0\0WEBPVP8 "), Some(ImageType::Webp));
        assert_eq!(ImageType::sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\">"), None);
        assert_eq!(ImageType::sniff(b"<html><script>"), None);
        assert_eq!(ImageType::sniff(b"%PDF-1.4"), None);
        assert_eq!(ImageType::sniff(b"RIFF\x24\0\0\0WAVE"), None);
        assert_eq!(ImageType::sniff(b""), None);
        assert_eq!(ImageType::from_content_type("image/webp"), Some(ImageType::Webp));
        assert_eq!(ImageType::from_content_type("image/svg+xml"), None);
    }

    proptest! {
        /// Markup (what an HTML or SVG file is) is never taken for an image, and a type
        /// found is the one its media type names back.
        #[test]
        fn markup_is_never_an_image(s in "[ \\t\\n]{0,4}<[ -~\\n\\t]{0,64}") {
            prop_assert_eq!(ImageType::sniff(s.as_bytes()), None);
        }

        #[test]
        fn a_type_found_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..32)) {
            if let Some(t) = ImageType::sniff(&bytes) {
                prop_assert_eq!(ImageType::from_content_type(t.content_type()), Some(t));
            }
        }
    }
}
