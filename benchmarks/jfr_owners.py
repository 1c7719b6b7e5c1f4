#!/usr/bin/env python3
"""Where a server's CPU samples go, by the owner of each sample's innermost frame outside the JDK's general libraries.

Reads `jfr print --events jdk.ExecutionSample` text on stdin and prints a Markdown table: each sample is counted once,
under the first owner (the PREFIXES below, innermost frame first) that one of its frames belongs to. A stack made of
JDK frames only is counted by its thread (the JDK HttpClient's selector, a JIT-less interpreter loop, ...). Self time
by owner does not depend on how deep JFR cut the stack, so JFR's default depth is enough.
"""
import re
import sys
from collections import Counter

# (prefix of a frame's class, owner) - the first match of the innermost non-JDK frame names the owner.
PREFIXES = [
    ("io.llmadmin.web.gateway", "llm-admin: the gateway's resources, request parsing and answer writing"),
    ("io.llmadmin.web", "llm-admin: web layer (filters, authentication mechanism, JSON helpers)"),
    ("io.llmadmin.services.usage", "llm-admin: usage recording (queue, batching writer)"),
    ("io.llmadmin", "llm-admin: services (gateway key, model, vault, admission, chat pipeline)"),
    ("dev.langchain4j", "the upstream call: LangChain4j, Jackson, JDK HttpClient"),
    ("com.fasterxml.jackson", "the upstream call: LangChain4j, Jackson, JDK HttpClient"),
    ("org.jboss.resteasy", "JAX-RS (RESTEasy) and CDI (Weld)"),
    ("org.jboss.weld", "JAX-RS (RESTEasy) and CDI (Weld)"),
    ("com.ibm.ws.jaxrs", "JAX-RS (RESTEasy) and CDI (Weld)"),
    ("com.ibm.ws.cdi", "JAX-RS (RESTEasy) and CDI (Weld)"),
    ("com.ibm.ws.microprofile.metrics", "MicroProfile Metrics / Micrometer / HdrHistogram"),
    ("io.openliberty.microprofile.metrics", "MicroProfile Metrics / Micrometer / HdrHistogram"),
    ("io.smallrye.metrics", "MicroProfile Metrics / Micrometer / HdrHistogram"),
    ("io.micrometer", "MicroProfile Metrics / Micrometer / HdrHistogram"),
    ("org.HdrHistogram", "MicroProfile Metrics / Micrometer / HdrHistogram"),
    ("com.ibm.ws.security", "Liberty security (Jakarta Security, JASPIC bridge)"),
    ("com.ibm.ws.webcontainer.security", "Liberty security (Jakarta Security, JASPIC bridge)"),
    ("io.openliberty.security", "Liberty security (Jakarta Security, JASPIC bridge)"),
    ("com.ibm.ws.webcontainer", "Liberty web container (servlets, filters, request/response)"),
    ("com.ibm.wsspi.webcontainer", "Liberty web container (servlets, filters, request/response)"),
    ("com.ibm.ws.http", "Liberty HTTP channel and TCP (parsing, keep-alive, writes)"),
    ("com.ibm.ws.tcpchannel", "Liberty HTTP channel and TCP (parsing, keep-alive, writes)"),
    ("com.ibm.ws.channelfw", "Liberty HTTP channel and TCP (parsing, keep-alive, writes)"),
    ("com.ibm.io", "Liberty HTTP channel and TCP (parsing, keep-alive, writes)"),
    ("com.ibm.ws.threading", "Liberty's executor"),
    ("com.ibm.ws.kernel", "Liberty's executor"),
    ("org.eclipse.osgi", "OSGi class loading and service lookups"),
    ("org.apache.felix", "OSGi class loading and service lookups"),
    ("org.eclipse.parsson", "JSON-P (Parsson)"),
    ("org.eclipse.persistence", "JPA (EclipseLink), JDBC, H2"),
    ("org.h2", "JPA (EclipseLink), JDBC, H2"),
    ("com.ibm.ws.rsadapter", "JPA (EclipseLink), JDBC, H2"),
    ("com.ibm.ejs.j2c", "JPA (EclipseLink), JDBC, H2"),
    ("com.knuddels.jtokkit", "token estimate (jtokkit)"),
    ("io.github.resilience4j", "retries and fault tolerance"),
    ("io.openliberty.microprofile.faulttolerance", "retries and fault tolerance"),
    ("com.ibm.ws.microprofile.faulttolerance", "retries and fault tolerance"),
    ("com.ibm", "Liberty, other"),
    ("io.openliberty", "Liberty, other"),
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")
FRAME = re.compile(r"^\s+([\w$.]+)\.[\w$<>]+\(")


def owner(frames, thread):
    for frame in frames:
        if frame.startswith(JDK):
            continue
        for prefix, name in PREFIXES:
            if frame.startswith(prefix):
                return name
        return "other libraries"
    if thread.startswith("HttpClient"):
        return "the upstream call: LangChain4j, Jackson, JDK HttpClient"
    return "JDK only, thread " + re.sub(r"[-#\s]*\d+$", "", thread)


def main():
    counts, frames, thread, total = Counter(), [], "", 0
    for line in sys.stdin:
        if line.startswith("jdk.ExecutionSample"):
            frames, thread = [], ""
        elif "sampledThread" in line:
            found = re.search(r'"([^"]*)"', line)
            thread = found.group(1) if found else ""
        elif FRAME.match(line):
            frames.append(FRAME.match(line).group(1))
        elif line.startswith("}"):
            counts[owner(frames, thread)] += 1
            total += 1
    print(f"| owner of the innermost non-JDK frame ({total} samples) | share |")
    print("|---|---|")
    for name, count in counts.most_common():
        print(f"| {name} | {100.0 * count / total:.1f} % |")


if __name__ == "__main__":
    main()
