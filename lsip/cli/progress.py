"""Progress bars for long commands, fed by the same `progress(done, total, stage)` callback
the background jobs use (lsip/jobs/progress.py)."""

import click


class StageBars:
    """One progress bar per stage of an import: `progress(done, total, stage)`; a stage with
    no total (a single step) is a line of its own."""

    def __init__(self):
        self.stage = None
        self.bar = None
        self.shown = 0

    def __call__(self, done: int, total: int, stage: str) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            if not total:
                click.echo(stage, err=True)
                return
            self.bar = click.progressbar(length=max(total, 1), label=f"{stage:28}", show_pos=True)
            self.bar.__enter__()
            self.shown = 0
        step = max(0, min(done, max(total, 1)) - self.shown)
        if step and self.bar is not None:
            self.bar.update(step)
            self.shown += step

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
