//! Python versions as `(major, minor)`: what `min_python` asks for and what an interpreter is.
//! A leaf that both the curriculum and the workspace use.

/// `"3.11"` or `"3.11.7"` as `(3, 11)`; `None` when it is not a version.
pub fn parse(v: &str) -> Option<(u32, u32)> {
    let (a, b) = v.trim().split_once('.')?;
    Some((a.parse().ok()?, b.split('.').next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_major_and_minor_only() {
        assert_eq!(super::parse("3.11.7"), Some((3, 11)));
        assert_eq!(super::parse(" 3.10 "), Some((3, 10)));
        assert_eq!(super::parse("3"), None);
        assert_eq!(super::parse("three.ten"), None);
    }
}
