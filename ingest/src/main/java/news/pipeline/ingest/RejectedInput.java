package news.pipeline.ingest;

/** A {@link Rejection} with the bytes that were refused, as the dead-letter topic keeps them. */
record RejectedInput(Rejection rejection, byte[] raw) {
  static RejectedInput of(String location, String code, String message, byte[] raw) {
    return new RejectedInput(new Rejection(location, code + ": " + message), raw);
  }
}
