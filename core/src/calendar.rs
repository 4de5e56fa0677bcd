//! Dates of the Gregorian calendar as days from 1 January 1970, both ways (H. Hinnant's
//! algorithms): for the handout's date stamp and the counts' weeks.

/// Days from 1 January 1970 to a date of the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`): count in
/// 400-year eras of 146,097 days, with years starting in March so the leap day falls last.
pub fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_date_agrees_with_counting_days_one_by_one() {
        let mut date = (1970, 1, 1);
        for days in 0..(366 * 140) {
            assert_eq!(civil_date(days), date, "{days} days after 1970-01-01");
            let (year, month, day) = date;
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let length = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            date = if day < length {
                (year, month, day + 1)
            } else if month < 12 {
                (year, month + 1, 1)
            } else {
                (year + 1, 1, 1)
            };
        }
    }

    #[test]
    fn days_from_civil_undoes_civil_date() {
        for days in 0..(366 * 140) {
            let (year, month, day) = civil_date(days);
            let year = i32::try_from(year).unwrap();
            let (month, day) = (month as u32, day as u32);
            assert_eq!(days_from_civil(year, month, day), days as i64);
        }
    }
}
