"""Several processes (several PCs) doing the same thing at the same moment."""
import multiprocessing


def run_together(target, args_list, timeout: float = 180) -> list:
    """One spawned process per entry of `args_list`, each calling target(*args, start, results)
    and putting one result; all are released by one event. Returns the results."""
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=target, args=(*args, start, results)) for args in args_list]
    for worker in workers:
        worker.start()
    start.set()
    outcomes = [results.get(timeout=timeout) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return outcomes
