"""Distribution of both generated packages (dss_public_api, dss_apinode_api); built by the Maven build (sdist)."""
from setuptools import find_packages, setup

setup(
    name="dss-contract-kit-clients",
    # Maven's 0.1.0-SNAPSHOT as a PEP 440 version
    version="${project.version}".replace("-SNAPSHOT", ".dev0"),
    description="Python clients of the Dataiku DSS public REST API and the Dataiku API Node user API, generated"
                " from the dss-contract-kit OpenAPI documents (pydantic 2 models, urllib3)",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    python_requires=">=3.8",
    # the generated code imports exactly these (checked by .ci/run and by the build's import step)
    install_requires=[
        "urllib3>=1.25.3",
        "python-dateutil>=2.8.2",
        "pydantic>=2",
        "typing-extensions>=4.7.1",
    ],
    packages=find_packages(include=["dss_public_api", "dss_public_api.*", "dss_apinode_api", "dss_apinode_api.*"]),
    package_data={"dss_public_api": ["py.typed"], "dss_apinode_api": ["py.typed"]},
)
