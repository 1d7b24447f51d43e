//! Group commit of hot writes on SQLite: [`Batcher`], and the writer's own thread it
//! runs on.

use super::{Db, Writer};

/// A write transaction sent to the writer's thread.
type Job = Box<dyn FnOnce() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> + Send>;

/// The sending end of the writer's thread; the thread ends with the last `Db` clone.
#[derive(Clone)]
pub(super) struct WriteLane(tokio::sync::mpsc::UnboundedSender<Job>);

impl std::fmt::Debug for WriteLane {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WriteLane")
    }
}

impl WriteLane {
    /// A thread running a single-threaded tokio runtime for write transactions.
    pub(super) fn start() -> std::io::Result<WriteLane> {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Job>();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        std::thread::Builder::new()
            .name("intercoop-writer".into())
            .spawn(move || {
                rt.block_on(async move {
                    while let Some(job) = rx.recv().await {
                        tokio::spawn(job());
                    }
                });
            })?;
        Ok(WriteLane(tx))
    }
}

/// The most requests one batch commits together (their statements stay far below both
/// backends' limits on bound values: 64 pledges bind about 600).
pub const MAX_BATCH: usize = 64;

/// Runs a batch of requests in one transaction of its own on the given writer connection,
/// and answers each, in order: what [`Batcher`] calls.
pub type BatchFn<Req, Res> =
    fn(Writer, Vec<Req>) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<Res>> + Send>>;

type Queued<Req, Res> = (Req, tokio::sync::oneshot::Sender<Res>);

/// Group commit of one kind of hot write (pledges) on SQLite.
///
/// Requests that arrive while the writer is busy wait in a queue; when it is free, all
/// that wait (up to [`MAX_BATCH`]) run in one transaction: the same statements as one
/// request (each reads and writes all of them at once), one commit. The batch function
/// decides each request in arrival order, as if they had run one after the other, and
/// runs them one by one again if the transaction as a whole fails, so that one bad
/// request cannot fail the others.
///
/// Why: on SQLite the one writer serialises writes, and what a write transaction costs
/// is its round trips to sqlx's thread for the connection, not SQLite's work (a pledge's
/// nine statements: ~1 ms, of which SQLite's own work ~10 µs each). Batched, the writer
/// makes them once per batch instead of once per pledge.
///
/// The batches run on the writer's own thread, a single-threaded tokio runtime: each
/// statement wakes the waiting task from sqlx's thread, and a wake from outside a
/// runtime lands in tokio's shared queue, behind every request in progress; under load
/// each statement waited its turn while holding the only writer (431 pledges/s at 64
/// connections against 616/s at 1). On its own runtime the batch is the only task
/// waiting for those wakes. A transaction runs to its end even if its callers are
/// abandoned meanwhile.
///
/// On PostgreSQL each request runs alone at once, on the caller's task: its pool has
/// many writers, and the instances share none of their queues.
pub struct Batcher<Req, Res> {
    conn: Writer,
    run: BatchFn<Req, Res>,
    queue: Option<tokio::sync::mpsc::UnboundedSender<Queued<Req, Res>>>,
}

impl<Req, Res> Clone for Batcher<Req, Res> {
    fn clone(&self) -> Self {
        Batcher {
            conn: self.conn.clone(),
            run: self.run,
            queue: self.queue.clone(),
        }
    }
}

impl<Req, Res> std::fmt::Debug for Batcher<Req, Res> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.queue.is_some() {
            "Batcher(queued)"
        } else {
            "Batcher(inline)"
        })
    }
}

impl<Req: Send + 'static, Res: Send + 'static> Batcher<Req, Res> {
    /// Runs `request` (with the others waiting, on SQLite) and answers its result once
    /// its transaction has committed or failed. The transaction runs to its end even if
    /// the caller is abandoned meanwhile.
    pub async fn call(&self, request: Req) -> Res {
        let Some(queue) = &self.queue else {
            let mut results = (self.run)(self.conn.clone(), vec![request]).await;
            return results.pop().expect("one result per request");
        };
        let (tx, rx) = tokio::sync::oneshot::channel();
        if queue.send((request, tx)).is_err() {
            panic!("the writer thread has stopped");
        }
        rx.await.expect("a batch of writes panicked")
    }
}

impl Db {
    /// Starts a [`Batcher`] for one kind of write request (see there).
    pub fn batcher<Req: Send + 'static, Res: Send + 'static>(&self, run: BatchFn<Req, Res>) -> Batcher<Req, Res> {
        let conn = self.write.clone();
        let Some(lane) = &self.lane else {
            return Batcher { conn, run, queue: None };
        };
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Queued<Req, Res>>();
        let loop_conn = conn.clone();
        let job: Job = Box::new(move || {
            Box::pin(async move {
                while let Some(first) = rx.recv().await {
                    let mut batch = vec![first];
                    while batch.len() < MAX_BATCH {
                        match rx.try_recv() {
                            Ok(next) => batch.push(next),
                            Err(_) => break,
                        }
                    }
                    let (requests, replies): (Vec<Req>, Vec<_>) = batch.into_iter().unzip();
                    // A batch that panics drops its replies (its callers see it); the next
                    // batches still run.
                    if let Ok(results) = tokio::spawn(run(loop_conn.clone(), requests)).await {
                        debug_assert_eq!(results.len(), replies.len(), "one result per request");
                        for (result, reply) in results.into_iter().zip(replies) {
                            let _ = reply.send(result);
                        }
                    }
                }
            })
        });
        if lane.0.send(job).is_err() {
            panic!("the writer thread has stopped");
        }
        Batcher {
            conn,
            run,
            queue: Some(tx),
        }
    }
}
