//! The process's memory: glibc's allocator keeps one arena per thread that allocates at
//! the same time as another (up to eight per core), and an arena keeps the memory freed
//! in it for its thread's next allocations. intercoop allocates on the runtime's worker
//! threads and on one thread per SQLite connection (sqlx decodes rows there), so a few
//! large answers at once left each of those threads holding tens of megabytes: the peak
//! RSS under load at scale 100 was 325 MB (bench/RESULTS.md). Two arenas bound it; the
//! allocations of a request are short, and two cores (the target machine) gain nothing
//! from more.

/// Arenas glibc may create (`M_ARENA_MAX`).
pub const ARENAS: i32 = 2;

/// Limits glibc's malloc arenas to [`ARENAS`], unless `MALLOC_ARENA_MAX` is set (the
/// operator's choice wins). Call it first in `main`, before any thread starts. Other C
/// libraries and systems: nothing to do.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: `mallopt` only sets an allocator parameter; called before any other
        // thread exists, nothing allocates concurrently.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, ARENAS);
        }
    }
}
