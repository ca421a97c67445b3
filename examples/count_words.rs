//! Times word counting natively, for the benchmark (`scripts/bench`): reads texts from the
//! files given as arguments and prints, per file, words, CJK characters and the median
//! milliseconds of 5 runs, as JSON lines.

use std::time::Instant;

use article_reader::text::words;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            std::process::exit(1);
        };
        let mut times = Vec::new();
        let mut counts = words::count("");
        for _ in 0..5 {
            let start = Instant::now();
            counts = words::count(&text);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{{\"file\":{path:?},\"words\":{},\"cjk\":{},\"ms\":{:.3}}}",
            counts.words, counts.cjk_chars, times[2]
        );
    }
}
