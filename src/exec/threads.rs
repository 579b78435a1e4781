//! Running many independent checks on a fixed number of threads.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The default number of parallel jobs: the machine's cores.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

/// Applies `work` to every item on `jobs` threads, starting them in the order of the indices
/// `order` (each index once); `done` sees each result as it finishes. Results come back in
/// the items' order.
pub fn run_in_order<T: Sync, R: Send>(
    items: &[T],
    order: &[usize],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    done: impl Fn(usize, &R) + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            scope.spawn(|| {
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let r = work(&items[i]);
                    done(i, &r);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_and_runs_everything() {
        let items: Vec<u32> = (0..50).collect();
        let order: Vec<usize> = (0..items.len()).collect();
        let out = super::run_in_order(&items, &order, 4, |x| x * 2, |_, _| {});
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn starts_in_the_given_order_and_returns_in_the_items_order() {
        let items = ["a", "b", "c", "d"];
        let started = std::sync::Mutex::new(Vec::new());
        let out = super::run_in_order(
            &items,
            &[3, 1, 0, 2],
            1,
            |x| {
                started.lock().unwrap().push(*x);
                x.to_uppercase()
            },
            |_, _| {},
        );
        assert_eq!(out, ["A", "B", "C", "D"]);
        assert_eq!(*started.lock().unwrap(), ["d", "b", "a", "c"]);
    }
}
