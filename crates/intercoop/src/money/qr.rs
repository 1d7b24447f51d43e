//! The EPC QR code of a payment request (the payload is the domain's,
//! `intercoop_domain::epc_qr`), drawn as SVG (for the printable page) or PNG (for
//! whoever wants a picture), with error correction level M as the EPC guidelines ask
//! and the four-module quiet zone of ISO/IEC 18004.

use qrcode::{Color, EcLevel, QrCode};

/// Pixels per module in the PNG.
const SCALE: usize = 8;
/// Modules of white around the code.
const QUIET: usize = 4;

fn code(payload: &str) -> anyhow::Result<QrCode> {
    Ok(QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?)
}

/// The code as an SVG document.
pub fn svg(payload: &str) -> anyhow::Result<String> {
    Ok(code(payload)?
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// The code as a PNG (8-bit grey).
pub fn png(payload: &str) -> anyhow::Result<Vec<u8>> {
    let code = code(payload)?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET) * SCALE;
    let mut pixels = vec![255u8; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c != Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET, i / modules + QUIET);
        for y in my * SCALE..(my + 1) * SCALE {
            pixels[y * side + mx * SCALE..y * side + (mx + 1) * SCALE].fill(0);
        }
    }
    let mut out = Vec::new();
    {
        let side = u32::try_from(side)?;
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&pixels)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn draws_both() {
        let payload = "BCD\n002\n1\nSCT\n\nKomunigi\nBE68539007547034\nEUR10.00\n\n202600000107";
        let svg = super::svg(payload).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"));
        let png = super::png(payload).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
