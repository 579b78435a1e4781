//! The time of day on this machine's clock, as a learner reads it next to a verdict.

use std::time::{SystemTime, UNIX_EPOCH};

/// `14:03:07`: when `t` was, in local time.
pub fn time_of_day(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let of_day = (secs as i64 + local_offset_secs(secs)).rem_euclid(86_400);
    format!(
        "{:02}:{:02}:{:02}",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// Seconds east of UTC at `secs` after the epoch (daylight saving included).
#[cfg(unix)]
fn local_offset_secs(secs: u64) -> i64 {
    let when = secs as libc::time_t;
    // SAFETY: localtime_r writes only into `tm`, which lives on this stack; a zeroed tm is a
    // valid value to overwrite.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&when, &mut tm).is_null() {
            return 0;
        }
        tm.tm_gmtoff as i64
    }
}

/// Seconds east of UTC now (Windows has no per-instant lookup as small as localtime_r; a
/// verdict is shown moments after it came in).
#[cfg(windows)]
fn local_offset_secs(_secs: u64) -> i64 {
    use windows_sys::Win32::System::SystemInformation::GetLocalTime;
    // SAFETY: GetLocalTime fills the struct it is given.
    let local = unsafe {
        let mut st = std::mem::zeroed();
        GetLocalTime(&mut st);
        st
    };
    let utc = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let local_of_day =
        i64::from(local.wHour) * 3600 + i64::from(local.wMinute) * 60 + i64::from(local.wSecond);
    let offset = (local_of_day - utc.rem_euclid(86_400)).rem_euclid(86_400);
    // East of UTC up to +14 h, west down to -12 h.
    if offset > 14 * 3600 {
        offset - 86_400
    } else {
        offset
    }
}

#[cfg(not(any(unix, windows)))]
fn local_offset_secs(_secs: u64) -> i64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_time_of_day_is_hours_minutes_and_seconds() {
        let text = time_of_day(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        let parts: Vec<u32> = text.split(':').map(|p| p.parse().unwrap()).collect();
        assert_eq!(parts.len(), 3, "{text}");
        assert!(parts[0] < 24 && parts[1] < 60 && parts[2] < 60, "{text}");
        // 1 700 000 000 s is 22:13:20 UTC; whatever the zone, minutes are whole quarter hours
        // apart from UTC's, so the seconds agree.
        assert_eq!(parts[2], 20, "{text}");
    }
}
