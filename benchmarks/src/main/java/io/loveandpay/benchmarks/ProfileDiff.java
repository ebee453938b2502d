package io.loveandpay.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares the client's and the bare WebClient's profiles written by
 * {@code benchmarks/run --only=load --profile=DIR}: prints each one's samples and the
 * frames whose inclusive samples differ most, the client's first. Both series ran the
 * same number of requests, so samples compare directly.
 * <p>
 * {@code java -cp <the benchmarks' class path> io.loveandpay.benchmarks.ProfileDiff DIR [rows]}
 */
public final class ProfileDiff {

	private ProfileDiff() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args[0]);
		int rows = (args.length > 1) ? Integer.parseInt(args[1]) : 40;
		Map<String, Long> client = inclusive(folder, "client-");
		Map<String, Long> bare = inclusive(folder, "bare-");
		System.out.println(String.format(Locale.ROOT, "samples: client %d, bare %d", client.getOrDefault("", 0L),
				bare.getOrDefault("", 0L)));
		Set<String> frames = new HashSet<>(client.keySet());
		frames.addAll(bare.keySet());
		frames.stream()
			.sorted((a, b) -> Long.compare(Math.abs(difference(client, bare, b)),
					Math.abs(difference(client, bare, a))))
			.limit(rows)
			.forEach((frame) -> System.out
				.println(String.format(Locale.ROOT, "%+7d %7d %7d  %s", difference(client, bare, frame),
						client.getOrDefault(frame, 0L), bare.getOrDefault(frame, 0L), frame)));
	}

	private static long difference(Map<String, Long> client, Map<String, Long> bare, String frame) {
		return client.getOrDefault(frame, 0L) - bare.getOrDefault(frame, 0L);
	}

	/**
	 * Return the samples under each frame, counted once per stack; {@code ""} holds them
	 * all.
	 */
	private static Map<String, Long> inclusive(Path folder, String prefix) throws IOException {
		Map<String, Long> samples = new HashMap<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((file) -> file.getFileName().toString().startsWith(prefix)).toList();
		}
		for (Path file : files) {
			for (String line : Files.readAllLines(file)) {
				int space = line.lastIndexOf(' ');
				if (space < 0) {
					continue;
				}
				long count = Long.parseLong(line.substring(space + 1).trim());
				samples.merge("", count, Long::sum);
				for (String frame : new HashSet<>(List.of(line.substring(0, space).split(";")))) {
					samples.merge(frame, count, Long::sum);
				}
			}
		}
		return samples;
	}

}
