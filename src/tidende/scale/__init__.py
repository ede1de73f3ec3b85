"""Running the pipeline on more than one core: worker processes here, a Dask cluster beyond.

Whatever runs the documents, results come back in input order and the store has one
writer, so serial, multi-process and Dask runs of the same input give identical records.
"""

from tidende.scale.local import PipelineSpec, available_cores, parallel_pipe

__all__ = ["PipelineSpec", "available_cores", "parallel_pipe"]
