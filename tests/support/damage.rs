//! Damage to a content file, as a hand edit or a bad copy might do it: shared by the tests that
//! load damaged files one at a time and whole damaged folders.

use super::seeded::Random;

/// Damages `bytes` in one of several ways: a changed byte, a cut, a hole, a repeated run, a
/// stray bracket or quote (or half a byte-order mark), or digits.
pub fn damage(bytes: &mut Vec<u8>, random: &mut Random) {
    let at = random.below(bytes.len() + 1);
    match random.below(6) {
        0 => {
            if let Some(byte) = bytes.get_mut(at) {
                *byte = random.next() as u8;
            }
        }
        1 => bytes.truncate(at),
        2 => {
            let end = (at + random.below(40)).min(bytes.len());
            bytes.drain(at..end);
        }
        3 => {
            let end = (at + random.below(40)).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        4 => {
            let tokens: [&[u8]; 9] = [
                b"(",
                b")",
                b"[",
                b"]",
                b"\"",
                b",",
                b"Some(",
                b"{rate:",
                b"\xEF\xBB",
            ];
            let token = *random.pick(&tokens);
            bytes.splice(at..at, token.iter().copied());
        }
        _ => {
            let digits = random.next().to_string();
            bytes.splice(at..at, digits.bytes());
        }
    }
}
