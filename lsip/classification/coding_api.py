"""Coding through the API: job titles to SOC 2020, descriptions to SIC 2007 (SG Annex D).

For people and programs with an lsip account (coding reveals nothing of any area, but it
costs work, so anonymous callers are refused). Up to 1,000 texts a call; larger volumes go
through `lsip code` and Dask.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, views
from rest_framework.response import Response

from lsip.accounts.api_permissions import Authenticated
from lsip.classification.coder import load_sic_coder, load_soc_coder
from lsip.classification.coder.store import CoderFilesMissingError
from lsip.refdata.install import installed_dir

MAX_TEXTS = 1000


class CandidateSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    confidence = serializers.FloatField()
    extended_code = serializers.CharField()


class ResultSerializer(serializers.Serializer):
    text = serializers.CharField()
    status = serializers.CharField()
    method = serializers.CharField()
    code = serializers.CharField()
    confidence = serializers.FloatField()
    candidates = CandidateSerializer(many=True)
    coder_version = serializers.CharField()


class CodeRequestSerializer(serializers.Serializer):
    texts = serializers.ListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        max_length=MAX_TEXTS,
        help_text="Job titles (SOC) or business descriptions (SIC).",
    )
    description = serializers.CharField(
        required=False, allow_blank=True, help_text="SOC only: context for every title."
    )
    industry = serializers.CharField(
        required=False, allow_blank=True, help_text="SOC only: the employer's industry."
    )


class CodeTexts(views.APIView):
    permission_classes = [Authenticated]
    kind = "soc"

    @extend_schema(request=CodeRequestSerializer, responses=ResultSerializer(many=True))
    def post(self, request):
        data = CodeRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        source = str(installed_dir())
        try:
            if self.kind == "soc":
                coder = load_soc_coder(source)
                results = [
                    coder.code(
                        text,
                        data.validated_data.get("description"),
                        data.validated_data.get("industry"),
                    )
                    for text in data.validated_data["texts"]
                ]
            else:
                coder = load_sic_coder(source)
                results = [coder.code(text) for text in data.validated_data["texts"]]
        except CoderFilesMissingError:
            return Response({"detail": "The reference files are not installed"}, status=503)
        return Response(ResultSerializer(results, many=True).data)


class CodeOccupations(CodeTexts):
    """Code job titles to SOC 2020 unit groups."""

    kind = "soc"


class CodeIndustries(CodeTexts):
    """Code business descriptions to SIC 2007 subclasses."""

    kind = "sic"
