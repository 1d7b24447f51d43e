//! The map of a network's listed members: an SVG drawn here from their stored places
//! (no tile server, nothing fetched by the visitor's browser), over a graticule of
//! Europe every 10 degrees, by the equirectangular projection of
//! `intercoop_domain::joining::project`. Places outside the frame are left off the map
//! (the list of members names every member). Several members of one city share a dot,
//! titled with the city and how many they are: the map is drawn from one row per place
//! (`data::places`), whatever the number of members.

use super::data::Place;
use intercoop_domain::joining::{EAST, MAP_HEIGHT, MAP_WIDTH, NORTH, SOUTH, WEST, project};
use std::fmt::Write;

/// Escapes text for SVG (XML).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG of the members' places; `label`: its accessible name; `title`: what a dot
/// says when pointed at ("Bruxelles: 3 members"). `None` when no place is in the frame
/// (the page then shows the list only).
pub fn svg(places: &[Place], label: &str, title: impl Fn(&Place) -> String) -> Option<String> {
    let places: Vec<(f64, f64, &Place)> = places
        .iter()
        .filter_map(|p| project(p.latitude_e6, p.longitude_e6).map(|(x, y)| (x, y, p)))
        .collect();
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
    for (x, y, p) in &places {
        let r = 5.0 + (p.members.max(1) as f64).sqrt() * 2.0;
        let _ = write!(
            s,
            r#"<g class="place"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}"><title>{}</title></circle><text x="{:.1}" y="{:.1}">{}</text></g>"#,
            esc(&title(p)),
            x + r + 2.0,
            y + 4.0,
            esc(&p.city)
        );
    }
    s.push_str("</svg>");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(city: &str, at: (i64, i64), members: i64) -> Place {
        Place {
            city: city.into(),
            latitude_e6: at.0,
            longitude_e6: at.1,
            members,
        }
    }

    #[test]
    fn one_dot_per_place_escaped_and_nothing_outside_the_frame() {
        let places = [
            p("Paris", (48_856_600, 2_352_200), 1),
            p("Bruxelles <nord>", (50_850_300, 4_351_700), 2),
            p("New York", (40_712_800, -74_006_000), 1),
        ];
        let svg = svg(&places, "Members' cities", |p| format!("{}: {}", p.city, p.members)).unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("<title>Bruxelles &lt;nord&gt;: 2</title>"), "{svg}");
        assert!(!svg.contains("New York") && !svg.contains("<script"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(super::svg(&places[2..], "x", |_| String::new()), None);
    }
}
