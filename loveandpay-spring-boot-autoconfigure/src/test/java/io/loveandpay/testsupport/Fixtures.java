package io.loveandpay.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * JSON the provider sends, as documented, and the personal data in it that must never be
 * printed.
 */
public final class Fixtures {

	/** Canaries: values of the fixtures that no log, message or toString may contain. */
	public static final List<String> PERSONAL_DATA = List.of("Иван", "Петров", "Сергеевич", "1990-05-14", "****8831",
			"8831", "ivan.petrov@example.com", "+79161234567", "9161234567");

	public static final UUID APPROVED_ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

	private Fixtures() {
	}

	public static String resource(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/io/loveandpay/kyc/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String listItem(UUID id, String status) {
		return """
				{"id":"%s","sessionId":"verification-%s","invoiceId":null,"customerId":"customer-%s",
				 "customerEmail":"ivan.petrov@example.com","customerPhone":"+79161234567","status":"%s",
				 "verification":%s,"createdAt":"2024-01-23T12:34:56.789Z"}""".formatted(id, id.toString()
			.substring(0, 8), id.toString().substring(0, 4), status, status.equals("APPROVED") ? """
					{"firstName":"Иван","lastName":"Петров","fullName":"Петров Иван",
					 "dateOfBirth":"1990-05-14","documentType":"passport","documentCountry":"RUS",
					 "faceMatchScore":0.97,"livenessScore":0.99,"verifiedAt":"2024-01-23T12:41:07.123Z"}""" : "null");
	}

	public static String page(List<UUID> ids, int total, int limit, int offset) {
		String items = ids.stream().map((id) -> listItem(id, "APPROVED")).collect(Collectors.joining(","));
		int pages = (int) ((total + (long) limit - 1) / limit);
		return """
				{"success":true,"data":[%s],"pagination":{"total":%d,"limit":%d,"offset":%d,"pages":%d}}"""
			.formatted(items, total, limit, offset, pages);
	}

	public static UUID id(int n) {
		return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
	}

}
