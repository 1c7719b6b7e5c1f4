#!/usr/bin/env python3
"""Where a server's CPU samples go, by the owner of each sample's innermost frame outside the JDK's general libraries.

Reads `jfr print --events jdk.ExecutionSample` text on stdin and prints a Markdown table: each sample is counted once,
under the first owner (OWNERS below, innermost frame first) that one of its frames belongs to. A stack made of
JDK frames only is counted by its thread (the JDK HttpClient's selector, a JIT-less interpreter loop, ...). Self time
by owner does not depend on how deep JFR cut the stack, so JFR's default depth is enough.
"""
import re
import sys
from collections import Counter

# Each owner and the class-name prefixes of its frames; the first prefix (in this order) that the innermost non-JDK
# frame starts with names the owner, so a narrower prefix comes before a wider one of another owner.
UPSTREAM = "the upstream call: LangChain4j, Jackson, JDK HttpClient"
OWNERS = [
    ("llm-admin: the gateway's resources, request parsing and answer writing", ["io.llmadmin.web.gateway"]),
    ("llm-admin: web layer (filters, authentication mechanism, JSON helpers)", ["io.llmadmin.web"]),
    ("llm-admin: usage recording (queue, batching writer)", ["io.llmadmin.services.usage"]),
    ("llm-admin: services (gateway key, model, vault, admission, chat pipeline)", ["io.llmadmin"]),
    (UPSTREAM, ["dev.langchain4j", "com.fasterxml.jackson"]),
    ("JAX-RS (RESTEasy) and CDI (Weld)", ["org.jboss.resteasy", "org.jboss.weld", "com.ibm.ws.jaxrs", "com.ibm.ws.cdi"]),
    ("MicroProfile Metrics / Micrometer / HdrHistogram",
     ["com.ibm.ws.microprofile.metrics", "io.openliberty.microprofile.metrics", "io.smallrye.metrics", "io.micrometer",
      "org.HdrHistogram"]),
    ("Liberty security (Jakarta Security, JASPIC bridge)",
     ["com.ibm.ws.security", "com.ibm.ws.webcontainer.security", "io.openliberty.security"]),
    ("Liberty web container (servlets, filters, request/response)", ["com.ibm.ws.webcontainer", "com.ibm.wsspi.webcontainer"]),
    ("Liberty HTTP channel and TCP (parsing, keep-alive, writes)",
     ["com.ibm.ws.http", "com.ibm.ws.tcpchannel", "com.ibm.ws.channelfw", "com.ibm.io"]),
    ("Liberty's executor", ["com.ibm.ws.threading", "com.ibm.ws.kernel"]),
    ("OSGi class loading and service lookups", ["org.eclipse.osgi", "org.apache.felix"]),
    ("JSON-P (Parsson)", ["org.eclipse.parsson"]),
    ("JPA (EclipseLink), JDBC, H2", ["org.eclipse.persistence", "org.h2", "com.ibm.ws.rsadapter", "com.ibm.ejs.j2c"]),
    ("token estimate (jtokkit)", ["com.knuddels.jtokkit"]),
    ("retries and fault tolerance",
     ["io.github.resilience4j", "io.openliberty.microprofile.faulttolerance", "com.ibm.ws.microprofile.faulttolerance"]),
    ("Liberty, other", ["com.ibm", "io.openliberty"]),
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")
FRAME = re.compile(r"^\s+([\w$.]+)\.[\w$<>]+\(")


def owner(frames, thread):
    for frame in frames:
        if frame.startswith(JDK):
            continue
        for name, prefixes in OWNERS:
            if frame.startswith(tuple(prefixes)):
                return name
        return "other libraries"
    if thread.startswith("HttpClient"):
        return UPSTREAM
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
