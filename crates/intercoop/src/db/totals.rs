//! The totals of list pages ("1 500 organisations, page 1 of 30"), kept until the
//! database changes.
//!
//! A page reads its rows through an index and stops after them, whatever the size of
//! the network; its total cannot: `COUNT(*)` walks every match (6 000 index entries,
//! 0.3 ms, for the people of a scale-100 network). Totals change only when something is
//! written, and far fewer writes than reads happen, so on SQLite each total is kept with
//! the database's version and reused while the version has not moved.
//!
//! The version is `PRAGMA data_version`, read on a connection of its own that never
//! writes: it changes whenever any other connection commits, this server's writer or
//! another process on the same file (the CLI). It is read before the count runs, so a
//! total is never kept under a version older than the data it was counted from; a commit
//! landing in between only makes the next page count again. Reading it costs no I/O
//! (SQLite compares the write-ahead log's header in shared memory).
//!
//! A total is kept under its count statement with the values inlined, so a count that
//! also depends on the clock (an administrator's "waiting for me": campaigns past their
//! deadline) carries the time among its values and is never reused.
//!
//! The same goes for a few other values derived from many rows and shown often (the
//! places on a network's public map): [`super::Db::memo`] keeps them under the version.
//!
//! PostgreSQL has no such version, and several instances write to it: there every page
//! counts, in the same statement as its rows.
//!
//! BACKEND-SPECIFIC: `PRAGMA data_version` is SQLite's.

use std::any::Any;
use std::collections::HashMap;
use std::ffi::{CStr, CString, c_int};
use std::sync::Arc;
use std::sync::Mutex;

/// Totals by count statement (its SQL with its values), each with the version it was
/// counted at.
pub struct Totals {
    probe: Mutex<Probe>,
    kept: Mutex<HashMap<String, (i64, i64)>>,
    /// Other values read from the database, kept the same way ([`super::Db::memo`]).
    values: Mutex<HashMap<String, KeptValue>>,
}

/// A value and the version it was read at.
type KeptValue = (i64, Arc<dyn Any + Send + Sync>);

/// Distinct count statements kept at most (a name search makes one per text searched).
const MAX_KEPT: usize = 1_000;

impl Totals {
    /// Totals for the SQLite file at `path`; `None` when it cannot be opened a second
    /// time (then every page counts).
    pub fn open(path: &str) -> Option<Totals> {
        match Probe::open(path) {
            Ok(probe) => Some(Totals {
                probe: Mutex::new(probe),
                kept: Mutex::new(HashMap::new()),
                values: Mutex::new(HashMap::new()),
            }),
            Err(e) => {
                tracing::warn!(error = %e, path, "page totals will be counted on every page");
                None
            }
        }
    }

    /// The database's version now (`None` if SQLite could not say: count again).
    pub fn version(&self) -> Option<i64> {
        let mut probe = self.probe.lock().unwrap_or_else(|e| e.into_inner());
        probe.data_version()
    }

    /// The total `key` had at `version`, if it was counted at that version.
    pub fn get(&self, key: &str, version: i64) -> Option<i64> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(key).filter(|(v, _)| *v == version).map(|(_, total)| *total)
    }

    /// Keeps `total`, counted at `version` or later.
    pub fn keep(&self, key: String, version: i64, total: i64) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= MAX_KEPT && !kept.contains_key(&key) {
            kept.clear();
        }
        kept.insert(key, (version, total));
    }
}

impl Totals {
    /// The value kept under `key` at `version`, if there is one of type `T`.
    pub fn value<T: Clone + Send + Sync + 'static>(&self, key: &str, version: i64) -> Option<T> {
        let values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        values
            .get(key)
            .filter(|(v, _)| *v == version)
            .and_then(|(_, value)| value.downcast_ref::<T>().cloned())
    }

    /// Keeps `value`, read at `version` or later.
    pub fn keep_value<T: Send + Sync + 'static>(&self, key: String, version: i64, value: T) {
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        if values.len() >= MAX_KEPT && !values.contains_key(&key) {
            values.clear();
        }
        values.insert(key, (version, Arc::new(value)));
    }
}

impl std::fmt::Debug for Totals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Totals")
    }
}

/// A raw SQLite connection with one prepared statement, `PRAGMA data_version`.
///
/// It is not a pooled sqlx connection: those run each statement on a thread of their
/// own, and the hand-over would cost more than the pragma (a few microseconds here).
struct Probe {
    db: *mut libsqlite3_sys::sqlite3,
    stmt: *mut libsqlite3_sys::sqlite3_stmt,
}

// SAFETY: the connection is opened without SQLite's own mutex and used only through
// `&mut Probe`, which the `Mutex` in `Totals` hands to one thread at a time.
unsafe impl Send for Probe {}

impl Probe {
    fn open(path: &str) -> Result<Probe, String> {
        use libsqlite3_sys as ffi;
        let c_path = CString::new(path).map_err(|e| e.to_string())?;
        let mut db = std::ptr::null_mut();
        // SAFETY: valid NUL-terminated path, out-pointer to a local; on failure SQLite may
        // still return a handle, which `Probe`'s drop closes (close accepts a null handle).
        let rc = unsafe {
            ffi::sqlite3_open_v2(
                c_path.as_ptr(),
                &mut db,
                ffi::SQLITE_OPEN_READONLY | ffi::SQLITE_OPEN_NOMUTEX,
                std::ptr::null(),
            )
        };
        let mut probe = Probe {
            db,
            stmt: std::ptr::null_mut(),
        };
        if rc != ffi::SQLITE_OK {
            return Err(probe.error(rc));
        }
        let sql = c"PRAGMA data_version";
        // SAFETY: `db` is open; the SQL is NUL-terminated (-1: read up to the NUL).
        let rc = unsafe { ffi::sqlite3_prepare_v2(probe.db, sql.as_ptr(), -1, &mut probe.stmt, std::ptr::null_mut()) };
        if rc != ffi::SQLITE_OK {
            return Err(probe.error(rc));
        }
        probe.data_version().ok_or_else(|| probe.error(ffi::SQLITE_ERROR))?;
        Ok(probe)
    }

    fn data_version(&mut self) -> Option<i64> {
        use libsqlite3_sys as ffi;
        // SAFETY: `stmt` is a statement prepared on `db`, both alive until drop; the
        // statement is reset after each step, so the next call starts it afresh.
        unsafe {
            let rc = ffi::sqlite3_step(self.stmt);
            let version = (rc == ffi::SQLITE_ROW).then(|| ffi::sqlite3_column_int64(self.stmt, 0));
            ffi::sqlite3_reset(self.stmt);
            version
        }
    }

    fn error(&self, rc: c_int) -> String {
        // SAFETY: `sqlite3_errstr` returns a static string for any code; `sqlite3_errmsg`
        // a string owned by the live handle, copied at once.
        unsafe {
            let msg = if self.db.is_null() {
                libsqlite3_sys::sqlite3_errstr(rc)
            } else {
                libsqlite3_sys::sqlite3_errmsg(self.db)
            };
            CStr::from_ptr(msg).to_string_lossy().into_owned()
        }
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        // SAFETY: finalize and close accept null; each runs once, on handles this owns.
        unsafe {
            libsqlite3_sys::sqlite3_finalize(self.stmt);
            libsqlite3_sys::sqlite3_close(self.db);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_moves_when_another_connection_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let writer = open_writer(&path);
        exec(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER)");
        let totals = Totals::open(path.to_str().unwrap()).expect("opens");
        let v1 = totals.version().unwrap();
        assert_eq!(totals.version(), Some(v1), "nothing committed: same version");
        totals.keep("count t".into(), v1, 0);
        assert_eq!(totals.get("count t", v1), Some(0));
        exec(writer, "INSERT INTO t VALUES (1)");
        let v2 = totals.version().unwrap();
        assert_ne!(v1, v2, "a commit elsewhere moves the version");
        assert_eq!(
            totals.get("count t", v2),
            None,
            "a total of an older version is not reused"
        );
        exec(writer, "BEGIN; INSERT INTO t VALUES (2); ROLLBACK");
        assert_eq!(totals.version(), Some(v2), "a rolled back transaction changes nothing");
        // SAFETY: the handle opened above, closed once.
        unsafe { libsqlite3_sys::sqlite3_close(writer) };
    }

    #[test]
    fn a_file_that_cannot_be_opened_gives_no_totals() {
        assert!(Totals::open("/nonexistent/dir/x.db").is_none());
    }

    #[test]
    fn many_searches_do_not_grow_without_bound() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let writer = open_writer(&path);
        exec(writer, "CREATE TABLE t (x INTEGER)");
        let totals = Totals::open(path.to_str().unwrap()).unwrap();
        for i in 0..(MAX_KEPT + 10) {
            totals.keep(format!("search {i}"), 1, 1);
        }
        assert!(totals.kept.lock().unwrap().len() <= MAX_KEPT);
        // SAFETY: the handle opened above, closed once.
        unsafe { libsqlite3_sys::sqlite3_close(writer) };
    }

    /// A second, writing connection on `path` (created if missing).
    fn open_writer(path: &std::path::Path) -> *mut libsqlite3_sys::sqlite3 {
        let c_path = CString::new(path.to_str().unwrap()).unwrap();
        let mut db = std::ptr::null_mut();
        // SAFETY: valid path and out-pointer.
        let rc = unsafe {
            libsqlite3_sys::sqlite3_open_v2(
                c_path.as_ptr(),
                &mut db,
                libsqlite3_sys::SQLITE_OPEN_READWRITE | libsqlite3_sys::SQLITE_OPEN_CREATE,
                std::ptr::null(),
            )
        };
        assert_eq!(rc, libsqlite3_sys::SQLITE_OK);
        db
    }

    fn exec(db: *mut libsqlite3_sys::sqlite3, sql: &str) {
        let sql = CString::new(sql).unwrap();
        // SAFETY: an open handle and a NUL-terminated statement list.
        let rc =
            unsafe { libsqlite3_sys::sqlite3_exec(db, sql.as_ptr(), None, std::ptr::null_mut(), std::ptr::null_mut()) };
        assert_eq!(rc, libsqlite3_sys::SQLITE_OK);
    }
}
