package io.loveandpay.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import io.loveandpay.client.internal.ProviderAnswer;
import io.loveandpay.testsupport.Hints;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the runtime hints of the starter as an application's AOT processing collects
 * them: from {@code META-INF/spring/aot.factories} and the auto-configurations'
 * {@code @ImportRuntimeHints}.
 */
class LoveandpayRuntimeHintsTests {

	private final RuntimeHints hints = Hints.ofStarter();

	@Test
	void everyAnswerTheClientReadsIsBindable() {
		List<Class<?>> answers = providerAnswers();
		assertThat(answers).extracting(Class::getSimpleName)
			.contains("SessionEnvelope", "SessionListEnvelope", "ProbeEnvelope");
		for (Class<?> answer : answers) {
			assertThat(Hints.bindableRecord(answer)).as(answer.getName()).accepts(this.hints);
		}
	}

	@Test
	void configurationMetadataThatTheFailureReportReadsIsAResource() {
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/spring-configuration-metadata.json"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/spring-configuration-metadata.json"))
			.accepts(Hints.of(new ConfigurationMetadataRuntimeHints()));
	}

	@Test
	void failureAnalyzerListedInSpringFactoriesCanBeMade() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(
					LoveandpayConfigurationFailureAnalyzer.class.getDeclaredConstructor(Environment.class)))
			.accepts(this.hints);
	}

	@Test
	void propertiesBindingReachesEveryNestedGroup() {
		RuntimeHints hints = new RuntimeHints();
		BindableRuntimeHintsRegistrar.forTypes(LoveandpayProperties.class).registerHints(hints);
		List<Method> setters = new ArrayList<>();
		collectSetters(LoveandpayProperties.class, setters);
		assertThat(setters).extracting(Method::getName)
			.contains("setApiKey", "setMaxAttempts", "setStore", "setBundle");
		for (Method setter : setters) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter))
				.as(setter.getDeclaringClass().getSimpleName() + "." + setter.getName())
				.accepts(hints);
		}
	}

	private static void collectSetters(Class<?> type, List<Method> setters) {
		for (Method method : type.getDeclaredMethods()) {
			if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getName().startsWith("set") && method.getParameterCount() == 1) {
				setters.add(method);
			}
		}
		for (Class<?> nested : type.getDeclaredClasses()) {
			if (!nested.isEnum()) {
				collectSetters(nested, setters);
			}
		}
	}

	private static List<Class<?>> providerAnswers() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isConcrete();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(ProviderAnswer.class));
		// The client's own answers: those that ship with it, not the tests' answers.
		URL client = ProviderAnswer.class.getProtectionDomain().getCodeSource().getLocation();
		List<Class<?>> answers = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("io.loveandpay")) {
			String name = definition.getBeanClassName();
			if (name != null) {
				Class<?> answer = ClassUtils.resolveClassName(name, LoveandpayRuntimeHintsTests.class.getClassLoader());
				if (client.equals(answer.getProtectionDomain().getCodeSource().getLocation())) {
					answers.add(answer);
				}
			}
		}
		return answers;
	}

}
