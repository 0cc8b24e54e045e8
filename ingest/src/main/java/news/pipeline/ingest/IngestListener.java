package news.pipeline.ingest;

import java.nio.file.Path;

/** Hears what {@link Ingester#ingest} does, for progress display; every method is optional. */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {};

  /** Called for every refused file, line or article, as it is found. */
  default void rejected(Rejection rejection) {}

  /** Called after each file has been read and its articles handed to Kafka. */
  default void fileDone(Path file, int filesDone, int filesTotal, IngestSummary soFar) {}
}
