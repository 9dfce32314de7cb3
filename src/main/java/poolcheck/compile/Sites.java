package poolcheck.compile;

import poolcheck.system.Site;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poolcheck.language.Position;

/**
 * Coverage sites in the order first met, with the steps each occurs in; instances of a process
 * share their text's sites.
 */
final class Sites {
  private final List<Site> sites = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<Set<String>> steps = new ArrayList<>();
  /** The step being compiled ({@code "reader.take_ref"}), null outside steps. */
  private String currentStep;

  /** The id of the coverage site of this kind at this position, registered on first use. */
  int site(Site.Kind kind, Position pos, String name) {
    int id = ids.computeIfAbsent(kind + " " + pos + " " + name, k -> {
      sites.add(new Site(sites.size(), kind, pos, name, ImmutableList.of()));
      steps.add(new LinkedHashSet<>());
      return sites.size() - 1;
    });
    if (currentStep != null) steps.get(id).add(currentStep);
    return id;
  }

  /** Sites met from now on occur in this step ({@code null}: outside steps). */
  void enterStep(String step) {
    currentStep = step;
  }

  /** The sites with the steps each occurs in. */
  List<Site> withSteps() {
    List<Site> out = new ArrayList<>();
    for (Site s : sites) {
      out.add(new Site(s.id(), s.kind(), s.position(), s.name(),
          ImmutableList.copyOf(steps.get(s.id()))));
    }
    return out;
  }
}
