//! Capture reading and decoding of every frame, with the input split into two chunks at a
//! point the fuzzer chooses (the reader must not care how its input is chunked).
#![no_main]

use dropscope_core::capture::CaptureReader;
use dropscope_core::decode::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.first().map_or(0, |&b| b as usize % (data.len() + 1));
    let mut reader = CaptureReader::new();
    let mut frames = 0u64;
    for chunk in [&data[..split], &data[split..]] {
        reader.push(chunk, |frame| {
            frames += 1;
            let _ = decode(frame);
        });
    }
    let outcome = reader.finish();
    assert_eq!(outcome.frames, frames);
});
