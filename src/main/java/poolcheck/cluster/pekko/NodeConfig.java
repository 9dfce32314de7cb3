package poolcheck.cluster.pekko;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The Pekko settings of a poolcheck node: cluster provider, Artery over TCP, our serializer for
 * everything (Java serialisation off), frames large enough for a batch, quiet logs.
 */
final class NodeConfig {
  private NodeConfig() {}

  static Config of(String host, int port) {
    return ConfigFactory.parseString("""
        pekko {
          loglevel = ERROR
          stdout-loglevel = ERROR
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor {
            provider = cluster
            allow-java-serialization = off
            warn-about-java-serializer-usage = off
            serializers { poolcheck = "poolcheck.cluster.pekko.WireSerializer" }
            serialization-bindings {
              "poolcheck.cluster.pekko.Wire" = poolcheck
              # Pekko skips this binding when com.google.protobuf is absent, by a name check
              # that the jar's relocation of com.google rewrites: turned off here instead.
              "com.google.protobuf.GeneratedMessage" = none
            }
          }
          remote.artery {
            transport = tcp
            canonical.hostname = "%s"
            canonical.port = %d
            # a batch is 1024 states of up to a few dozen words
            advanced.maximum-frame-size = 4MiB
          }
          cluster {
            jmx.enabled = off
            log-info = off
            run-coordinated-shutdown-when-down = off
          }
          coordinated-shutdown.exit-jvm = off
          coordinated-shutdown.run-by-jvm-shutdown-hook = off
        }
        """.formatted(host, port)).withFallback(ConfigFactory.load(
            NodeConfig.class.getClassLoader()));
  }
}
