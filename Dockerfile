# The FhirOncology server image. Build: docker build -t fhironcology .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build restores the FHIR packages of profiles/fhir-packages.json with npm (profiles/restore-packages.sh).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
ENV FHIR_PACKAGE_CACHE=/fhir-packages
WORKDIR /src
COPY . .
RUN dotnet publish src/FhirOncology.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The profile validator reads the packages at start-up and refuses to start without them.
COPY --from=build /fhir-packages /fhir-packages
ENV FHIR_PACKAGE_CACHE=/fhir-packages
# Non-root: the image's built-in app user.
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "FhirOncology.Api.dll"]
