package io.loveandpay.testsupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.beans.factory.aot.AotServices;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

/**
 * Runtime hints as an application's AOT processing collects them, and predicates on them.
 */
public final class Hints {

	private Hints() {
	}

	/**
	 * Return the hints of the given registrars.
	 * @param registrars the registrars
	 * @return the hints
	 */
	public static RuntimeHints of(RuntimeHintsRegistrar... registrars) {
		RuntimeHints hints = new RuntimeHints();
		for (RuntimeHintsRegistrar registrar : registrars) {
			registrar.registerHints(hints, Hints.class.getClassLoader());
		}
		return hints;
	}

	/**
	 * Return the hints that AOT processing collects from every {@code aot.factories} on
	 * the class path and from the {@link ImportRuntimeHints @ImportRuntimeHints} of the
	 * starter's auto-configurations.
	 * @return the hints
	 */
	public static RuntimeHints ofStarter() {
		ClassLoader classLoader = Hints.class.getClassLoader();
		List<RuntimeHintsRegistrar> registrars = AotServices.factories(classLoader)
			.load(RuntimeHintsRegistrar.class)
			.asList();
		RuntimeHints hints = of(registrars.toArray(RuntimeHintsRegistrar[]::new));
		for (String name : ImportCandidates.load(AutoConfiguration.class, classLoader)) {
			if (name.startsWith("io.loveandpay.")) {
				Class<?> configuration = ClassUtils.resolveClassName(name, classLoader);
				MergedAnnotations.from(configuration)
					.stream(ImportRuntimeHints.class)
					.flatMap((annotation) -> Arrays.stream(annotation.getClassArray("value")))
					.forEach((registrar) -> ((RuntimeHintsRegistrar) BeanUtils.instantiateClass(registrar))
						.registerHints(hints, classLoader));
			}
		}
		return hints;
	}

	/**
	 * Return whether Jackson can bind the given record: its canonical constructor and
	 * every accessor may be invoked.
	 * @param record the record type
	 * @return the predicate
	 */
	public static Predicate<RuntimeHints> bindableRecord(Class<?> record) {
		RecordComponent[] components = record.getRecordComponents();
		Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Constructor<?> canonical;
		try {
			canonical = record.getDeclaredConstructor(parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalArgumentException(record + " is not a record", ex);
		}
		Predicate<RuntimeHints> bindable = RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical);
		for (RecordComponent component : components) {
			bindable = bindable.and(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()));
		}
		return bindable;
	}

}
