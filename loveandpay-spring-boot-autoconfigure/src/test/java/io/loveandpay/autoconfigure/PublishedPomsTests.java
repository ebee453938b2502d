package io.loveandpay.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the poms carry what a public repository asks of published modules (licence,
 * SCM, developers, URL, description) and that the published modules attach sources and
 * Javadoc jars, while the smoke tests and benchmarks are not published.
 */
class PublishedPomsTests {

	private static final Path ROOT = Path.of("..");

	private final XPath xpath = XPathFactory.newInstance().newXPath();

	@Test
	void parentPomCarriesWhatAPublicRepositoryRequires() throws Exception {
		Document parent = pom(".");
		for (String element : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
				"developers/developer/name", "scm/connection", "scm/developerConnection", "scm/url")) {
			assertThat(text(parent, "/project/" + element)).as(element).isNotBlank();
		}
		assertThat(parent.getDocumentElement().getAttribute("child.project.url.inherit.append.path"))
			.isEqualTo("false");
	}

	@Test
	void publishedModulesAttachSourcesAndJavadoc() throws Exception {
		Document parent = pom(".");
		assertThat(goals(parent, "pluginManagement/plugins/plugin", "maven-source-plugin")).contains("jar-no-fork");
		assertThat(goals(parent, "pluginManagement/plugins/plugin", "maven-javadoc-plugin")).contains("jar");
		Document autoconfigure = pom("loveandpay-spring-boot-autoconfigure");
		assertThat(artifactIds(autoconfigure, "/project/build/plugins/plugin")).contains("maven-source-plugin",
				"maven-javadoc-plugin");
		assertThat(classifiers(pom("loveandpay-spring-boot-starter"))).containsExactlyInAnyOrder("sources", "javadoc");
		for (String module : List.of("smoke-test/loveandpay-spring-boot-smoke-tests",
				"smoke-test/loveandpay-spring-boot-smoke-tests-webflux",
				"smoke-test/loveandpay-spring-boot-smoke-tests-security", "benchmarks")) {
			Document pom = pom(module);
			assertThat(text(pom, "/project/properties/maven.deploy.skip")).as(module).isEqualTo("true");
			assertThat(artifactIds(pom, "/project/build/plugins/plugin")).as(module)
				.doesNotContain("maven-source-plugin", "maven-javadoc-plugin");
		}
	}

	private Document pom(String module) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
	}

	private String text(Document pom, String path) throws Exception {
		return this.xpath.evaluate(path, pom).strip();
	}

	private List<String> goals(Document pom, String plugins, String artifactId) throws Exception {
		return strings(pom,
				"/project/build/" + plugins + "[artifactId='" + artifactId + "']/executions/execution/goals/goal");
	}

	private List<String> artifactIds(Document pom, String plugins) throws Exception {
		return strings(pom, plugins + "/artifactId");
	}

	private List<String> classifiers(Document pom) throws Exception {
		return strings(pom,
				"/project/build/plugins/plugin[artifactId='maven-jar-plugin']/executions/execution/configuration/classifier");
	}

	private List<String> strings(Document pom, String path) throws Exception {
		NodeList nodes = (NodeList) this.xpath.evaluate(path, pom, XPathConstants.NODESET);
		List<String> strings = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			strings.add(nodes.item(i).getTextContent().strip());
		}
		return strings;
	}

}
