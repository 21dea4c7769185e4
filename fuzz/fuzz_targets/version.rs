#![no_main]
use duo_selfhosted::GitLabVersion;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(v) = text.parse::<GitLabVersion>() {
        let again: GitLabVersion = v.to_string().parse().expect("display parses");
        assert_eq!(v, again);
    }
});
