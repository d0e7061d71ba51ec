//! Independent work spread over the machine's cores.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::tools::ToolError;

/// `work` done for every item, on one thread per core, each taking the next
/// item until none is left; the results in the order of `items`, or the
/// first error met.
pub fn each<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<R, ToolError> + Sync,
) -> Result<Vec<R>, ToolError> {
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let done: Vec<Result<Vec<(usize, R)>, ToolError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(at) else {
                            return Ok(done);
                        };
                        done.push((at, work(item)?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(ToolError::Unreadable("a publishing thread failed".into()))
                })
            })
            .collect()
    });
    let mut results = Vec::with_capacity(items.len());
    for part in done {
        results.extend(part?);
    }
    results.sort_unstable_by_key(|(at, _)| *at);
    Ok(results.into_iter().map(|(_, r)| r).collect())
}
