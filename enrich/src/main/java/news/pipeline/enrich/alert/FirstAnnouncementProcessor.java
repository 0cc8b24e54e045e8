package news.pipeline.enrich.alert;

import news.pipeline.common.model.PolicyAlert;
import news.pipeline.enrich.EnrichTopology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards an announcement only the first time its title key is seen. Runs after the repartition by
 * title, so the store holds every key of its partition; its changelog and the alert are written in
 * one exactly-once transaction, so a restart neither loses nor repeats an alert.
 */
public final class FirstAnnouncementProcessor
    implements Processor<String, PolicyAlert, String, PolicyAlert> {

  private ProcessorContext<String, PolicyAlert> context;
  private KeyValueStore<String, PolicyAlert> alerted;

  @Override
  public void init(ProcessorContext<String, PolicyAlert> context) {
    this.context = context;
    this.alerted = context.getStateStore(EnrichTopology.ALERTED_STORE);
  }

  @Override
  public void process(Record<String, PolicyAlert> announcement) {
    if (announcement.key() == null || alerted.get(announcement.key()) != null) {
      return;
    }
    alerted.put(announcement.key(), announcement.value());
    context.forward(announcement);
  }
}
