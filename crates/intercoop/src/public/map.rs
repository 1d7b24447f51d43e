//! The map of a network's listed members: an SVG drawn here from their stored places
//! (no tile server, nothing fetched by the visitor's browser), over a graticule of
//! Europe every 10 degrees, by the equirectangular projection of
//! `intercoop_domain::joining::project`. Places outside the frame are left off the map
//! (the list beside it names every member). Several members of one city share a dot.

use super::data::Listed;
use intercoop_domain::joining::{EAST, MAP_HEIGHT, MAP_WIDTH, NORTH, SOUTH, WEST, project};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text for SVG (XML).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG of the members' cities; `label`: its accessible name. `None` when no
/// member has a place in the frame (the page then shows the list only).
pub fn svg(members: &[Listed], label: &str) -> Option<String> {
    // One dot per place, naming every member there.
    let mut places: BTreeMap<(i64, i64), (String, Vec<&str>)> = BTreeMap::new();
    for m in members {
        if let (Some(lat), Some(lon)) = (m.latitude_e6, m.longitude_e6)
            && project(lat, lon).is_some()
        {
            places
                .entry((lat, lon))
                .or_insert_with(|| (m.city.clone(), Vec::new()))
                .1
                .push(&m.name);
        }
    }
    if places.is_empty() {
        return None;
    }
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {h:.0}" class="member-map" role="img" aria-labelledby="map-title"><title id="map-title">{}</title>"#,
        esc(label),
        h = MAP_HEIGHT
    );
    let _ = write!(
        s,
        r#"<rect x="0" y="0" width="{MAP_WIDTH}" height="{MAP_HEIGHT:.1}" class="sea"/>"#
    );
    let mut lon = (WEST / 10.0).ceil() * 10.0;
    while lon <= EAST {
        let x = (lon - WEST) / (EAST - WEST) * MAP_WIDTH;
        let _ = write!(
            s,
            r#"<line x1="{x:.1}" y1="0" x2="{x:.1}" y2="{MAP_HEIGHT:.1}" class="grid"/>"#
        );
        lon += 10.0;
    }
    let mut lat = (SOUTH / 10.0).ceil() * 10.0;
    while lat <= NORTH {
        let y = (NORTH - lat) / (NORTH - SOUTH) * MAP_HEIGHT;
        let _ = write!(
            s,
            r#"<line x1="0" y1="{y:.1}" x2="{MAP_WIDTH}" y2="{y:.1}" class="grid"/>"#
        );
        let _ = write!(
            s,
            r#"<text x="4" y="{:.1}" class="grid-label">{lat:.0}°N</text>"#,
            y - 3.0
        );
        lat += 10.0;
    }
    for ((lat, lon), (city, names)) in &places {
        let Some((x, y)) = project(*lat, *lon) else { continue };
        let r = 5.0 + (names.len() as f64).sqrt() * 2.0;
        let _ = write!(
            s,
            r#"<g class="place"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}"><title>{}: {}</title></circle><text x="{:.1}" y="{:.1}">{}</text></g>"#,
            esc(city),
            esc(&names.join(", ")),
            x + r + 2.0,
            y + 4.0,
            esc(city)
        );
    }
    s.push_str("</svg>");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, city: &str, at: Option<(i64, i64)>) -> Listed {
        Listed {
            name: name.into(),
            website: String::new(),
            city: city.into(),
            latitude_e6: at.map(|a| a.0),
            longitude_e6: at.map(|a| a.1),
        }
    }

    #[test]
    fn one_dot_per_city_escaped_and_nothing_outside_the_frame() {
        let members = [
            m("La Louve", "Paris", Some((48_856_600, 2_352_200))),
            m("Bees <coop>", "Bruxelles", Some((50_850_300, 4_351_700))),
            m("Färm", "Bruxelles", Some((50_850_300, 4_351_700))),
            m("Park Slope", "New York", Some((40_712_800, -74_006_000))),
            m("Nowhere", "", None),
        ];
        let svg = svg(&members, "Members' cities").unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("Bruxelles: Bees &lt;coop&gt;, Färm"));
        assert!(!svg.contains("New York") && !svg.contains("<script"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(super::svg(&members[3..], "x"), None);
    }
}
