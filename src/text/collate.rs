//! Turkish alphabetical order: ç after c, ğ after g, ı before i, ö after o,
//! ş after s, ü after u. Byte order and English collation get all of these wrong.

use std::cmp::Ordering;

const ALPHABET: &str = "abcçdefgğhıijklmnoöpqrsştuüvwxyz";

fn rank(c: char) -> u32 {
    let lower = match c {
        'I' => 'ı',
        'İ' => 'i',
        c => c.to_lowercase().next().unwrap_or(c),
    };
    if let Some(i) = ALPHABET.chars().position(|a| a == lower) {
        return 100 + i as u32;
    }
    if lower.is_numeric() {
        // Any script's digits before letters; ASCII ones in their order.
        return 50 + lower.to_digit(10).unwrap_or(0);
    }
    if lower.is_alphabetic() {
        // Other accented Latin letters sort with their base letter.
        let base = super::fold::fold(&lower.to_string());
        if let Some(b) = base.chars().next().filter(|b| *b != lower) {
            return rank(b);
        }
        return 1000 + lower as u32;
    }
    // Spaces and punctuation first.
    lower as u32 % 50
}

/// Punctuation other than spaces is ignored at first, as library catalogues
/// and ICU's "shifted" collation do: `'s-Hertogenbosch` sorts under S,
/// not before every letter.
fn significant(c: &char) -> bool {
    c.is_alphanumeric() || c.is_whitespace()
}

/// `compare`'s order as a value, for sorts that would otherwise rank each
/// string's letters again at every comparison (`sort_by_cached_key`):
/// `key(a).cmp(&key(b))` then `a.cmp(b)` is `compare(a, b)`.
pub fn key(s: &str) -> (Vec<u32>, Vec<u32>) {
    (
        s.chars().filter(significant).map(rank).collect(),
        s.chars().map(rank).collect(),
    )
}

/// Compares two strings in Turkish alphabetical order; ties are broken by
/// the punctuation, then by the strings themselves so the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    a.chars()
        .filter(significant)
        .map(rank)
        .cmp(b.chars().filter(significant).map(rank))
        .then_with(|| a.chars().map(rank).cmp(b.chars().map(rank)))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_orders_as_compare_does() {
        let words = [
            "Ankara",
            "ankara",
            "'s-Hertogenbosch",
            "Sakarya",
            "Çanakkale",
            "Iğdır",
            "İzmir",
            "ısparta",
            "Isparta",
            "Ürgüp",
            "Uşak",
            "Ömer",
            "Ordu",
            "Ha Noi",
            "Hanoi",
            "Ha-Noi",
            "2nd",
            "١٢",
            "Évora",
            "Eskişehir",
            "",
            "-",
            "Zürich",
            "zurich",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    key(a).cmp(&key(b)).then_with(|| a.cmp(b)),
                    compare(a, b),
                    "{a} vs {b}"
                );
            }
        }
    }

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn turkish_letters_follow_their_base() {
        assert_eq!(
            sorted(&["Çorum", "Denizli", "Cide"]),
            ["Cide", "Çorum", "Denizli"]
        );
        assert_eq!(
            sorted(&["İzmir", "Iğdır", "Hatay"]),
            ["Hatay", "Iğdır", "İzmir"]
        );
        assert_eq!(
            sorted(&["Şanlıurfa", "Sakarya", "Tokat"]),
            ["Sakarya", "Şanlıurfa", "Tokat"]
        );
        assert_eq!(
            sorted(&["Ödemiş", "Osmaniye", "Pazar"]),
            ["Osmaniye", "Ödemiş", "Pazar"]
        );
        assert_eq!(
            sorted(&["Üsküdar", "Uşak", "Van"]),
            ["Uşak", "Üsküdar", "Van"]
        );
        assert_eq!(sorted(&["ığdır", "ilgaz"]), ["ığdır", "ilgaz"]);
    }

    #[test]
    fn leading_punctuation_does_not_put_a_name_first() {
        assert_eq!(
            sorted(&["'s-Hertogenbosch", "Abuja", "Sakarya", "Seoul"]),
            ["Abuja", "Sakarya", "Seoul", "'s-Hertogenbosch"]
        );
        assert_eq!(sorted(&["Al-Ahsa", "Al Ahsa"]), ["Al Ahsa", "Al-Ahsa"]);
    }

    #[test]
    fn the_eleven_cities() {
        let cities = [
            "Ankara",
            "Balıkesir",
            "İzmir",
            "Afyonkarahisar",
            "Eskişehir",
            "Konya",
            "Bolu",
            "Bursa",
            "Sakarya",
            "Yozgat",
            "Hatay",
        ];
        assert_eq!(
            sorted(&cities),
            [
                "Afyonkarahisar",
                "Ankara",
                "Balıkesir",
                "Bolu",
                "Bursa",
                "Eskişehir",
                "Hatay",
                "İzmir",
                "Konya",
                "Sakarya",
                "Yozgat"
            ]
        );
    }

    #[test]
    fn letters_without_decomposition_sort_with_their_base() {
        assert_eq!(
            sorted(&["Zagreb", "Łódź", "Lyon"]),
            ["Łódź", "Lyon", "Zagreb"]
        );
        assert_eq!(
            sorted(&["Paris", "Oslo", "Ørsted"]),
            ["Ørsted", "Oslo", "Paris"]
        );
    }

    #[test]
    fn case_does_not_change_the_order() {
        assert_ne!(
            compare("ankara", "ANKARA"),
            Ordering::Equal,
            "the order is total"
        );
        assert_eq!(sorted(&["bolu", "Ankara"]), ["Ankara", "bolu"]);
    }
}
