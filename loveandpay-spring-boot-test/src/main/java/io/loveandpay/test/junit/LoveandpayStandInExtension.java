package io.loveandpay.test.junit;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.loveandpay.test.standin.LoveandpayStandIn;

/**
 * JUnit Jupiter extension that injects a started {@link LoveandpayStandIn} into test
 * methods, {@code @BeforeEach}/{@code @BeforeAll} methods and constructors. One stand-in
 * serves a test class (its {@code @Nested} classes included): it is reset before each
 * test and closed after the class. <pre class="code">
 * &#64;ExtendWith(LoveandpayStandInExtension.class)
 * class OnboardingTests {
 *
 *     &#64;Test
 *     void approves(LoveandpayStandIn standIn) { ... }
 *
 * }
 * </pre> To adjust the stand-in before it starts, register the extension in a static
 * field: {@code @RegisterExtension static LoveandpayStandInExtension standIn = new
 * LoveandpayStandInExtension((builder) -> builder.noRateLimits());}
 *
 * @since 0.1.0
 */
public class LoveandpayStandInExtension implements ParameterResolver, BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LoveandpayStandInExtension.class);

	private final Consumer<LoveandpayStandIn.Builder> customizer;

	/**
	 * Create an extension whose stand-in has the builder's defaults.
	 */
	public LoveandpayStandInExtension() {
		this((builder) -> {
		});
	}

	/**
	 * Create an extension whose stand-in the given callback adjusts before it starts.
	 * @param customizer adjusts the builder of the stand-in
	 */
	public LoveandpayStandInExtension(Consumer<LoveandpayStandIn.Builder> customizer) {
		this.customizer = customizer;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == LoveandpayStandIn.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return standIn(extensionContext);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Started started = store(context).get(Started.class, Started.class);
		if (started != null) {
			started.standIn().reset();
		}
	}

	private LoveandpayStandIn standIn(ExtensionContext context) {
		return store(context).computeIfAbsent(Started.class, (key) -> start(), Started.class).standIn();
	}

	private Started start() {
		LoveandpayStandIn.Builder builder = LoveandpayStandIn.builder();
		this.customizer.accept(builder);
		return new Started(builder.start());
	}

	private static ExtensionContext.Store store(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getParent().isPresent() && classContext.getParent().get().getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE);
	}

	/**
	 * A started stand-in in the store of the outermost class, closed with it.
	 */
	private record Started(LoveandpayStandIn standIn) implements AutoCloseable {

		@Override
		public void close() {
			this.standIn.close();
		}

	}

}
