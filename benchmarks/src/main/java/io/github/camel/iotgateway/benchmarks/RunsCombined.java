package io.github.camel.iotgateway.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One broker's table over several full runs (issue 12 asks for three): each row shows the run whose ratio is the median
 * of the runs' ratios, and judges by it; a table beneath gives every run's ratio and verdict, so the spread between runs
 * stands beside the spread within one. A row without a ratio (a reference figure, a failure) shows the first run's.
 */
final class RunsCombined {

    private RunsCombined() {
    }

    static MarkdownReport.Section of(List<MarkdownReport.Section> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        Map<String, List<Row>> byNumber = new LinkedHashMap<>();
        for (MarkdownReport.Section run : runs) {
            for (Row row : run.rows()) {
                byNumber.computeIfAbsent(row.number(), n -> new ArrayList<>()).add(row);
            }
        }
        List<Row> shown = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        table.append("\n**").append(runs.size()).append(" full runs** (ratio, and whether it met its target, in each;"
                                                         + " the table above shows each row's median run):\n\n");
        table.append("| row |");
        for (int i = 1; i <= runs.size(); i++) {
            table.append(" run ").append(i).append(" |");
        }
        table.append(" target | met in |\n|---|");
        table.append("---|".repeat(runs.size())).append("---|---|\n");
        for (Map.Entry<String, List<Row>> entry : byNumber.entrySet()) {
            List<Row> rows = entry.getValue();
            shown.add(median(rows));
            if (rows.stream().allMatch(r -> r.met() == null)) {
                continue;
            }
            table.append("| ").append(entry.getKey()).append(" |");
            for (Row row : rows) {
                table.append(' ').append(row.ratioText()).append(Boolean.TRUE.equals(row.met()) ? " ✓" : " ✗")
                        .append(" |");
            }
            table.append("   |".repeat(runs.size() - rows.size()));
            long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
            table.append(' ').append(rows.get(0).target().label()).append(" | ")
                    .append(String.format(Locale.ROOT, "%d of %d", met, runs.size())).append(" |\n");
        }
        MarkdownReport.Section first = runs.get(0);
        return new MarkdownReport.Section(first.title(), first.url(), shown, first.skippedBecause(), table.toString());
    }

    /** The row of the median ratio; of an even count, the lower middle one. */
    private static Row median(List<Row> rows) {
        List<Row> withRatio = rows.stream().filter(r -> !Double.isNaN(r.ratio())).sorted(Comparator.comparingDouble(
                Row::ratio)).toList();
        if (withRatio.size() < rows.size() || withRatio.isEmpty()) {
            return rows.get(0);
        }
        return withRatio.get((withRatio.size() - 1) / 2);
    }
}
