"""Every operation of the API node user API document, on the reference server's demo services."""
import json
import unittest

import dss_apinode_api

import support


class ApiNodeTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.open = support.apinode_client()
        cls.fraud = support.apinode_client("fraud-demo-key-0001")

    def rejection(self, call, *args, **kwargs):
        with self.assertRaises(dss_apinode_api.ApiException) as raised:
            call(*args, **kwargs)
        return raised.exception

    def test_predicts_one_record_several_and_one_from_query_parameters(self):
        prediction = dss_apinode_api.PredictionApi(self.fraud)
        one = prediction.predict_record("fraud_svc", "fraud_detection", {
            "features": {"customer_id": 2136, "transaction_amount": 233.33, "payment_type": "CB",
                         "utm_medium": "campaign"},
            "explanations": {"enabled": True, "method": "ICE", "nExplanations": 2}})
        self.assertEqual("FRAUDULENT", one.result.prediction)
        many = prediction.predict_records("fraud_svc", "fraud_detection", {
            "items": [{"features": {"transaction_amount": 10}}, {"features": {"customer_id": 9999}}]})
        self.assertEqual(2, len(many.results))
        pricing = dss_apinode_api.PredictionApi(self.open)
        paris = pricing.predict_simple("pricing_svc", "house_price",
                                       features={"surface_m2": "80", "rooms": "3", "city": "Paris"})
        other = pricing.predict_simple("pricing_svc", "house_price",
                                       features={"surface_m2": "80", "rooms": "3", "city": "Other"})
        self.assertAlmostEqual(250000, float(paris.result.prediction) - float(other.result.prediction))

    def test_forecasts_and_predicts_effects(self):
        forecast = dss_apinode_api.ForecastApi(self.open).forecast("forecast_svc", "sales_forecast", {"items": [
            {"store": "A", "date": "2024-01-01", "sales": 10}, {"store": "A", "date": "2024-01-02", "sales": 20}]})
        self.assertEqual(3, len(forecast.results))
        effects = dss_apinode_api.CausalPredictionApi(self.open)
        one = effects.predict_effect("uplift_svc", "discount_effect", {"features": {"basket_value": 60}})
        self.assertAlmostEqual(4.0 + 0.05 * 60 - 0.8 * 2, float(one.result.prediction))
        many = effects.predict_effects("uplift_svc", "discount_effect", {"items": [{"features": {"channel": "web"}}]})
        self.assertEqual(1, len(many.results))

    def test_runs_a_function_and_a_sql_query_with_a_body_and_with_query_parameters(self):
        functions = dss_apinode_api.FunctionsApi(self.open)
        posted = functions.run_function("python_svc", "simple_sum", {"param1": 30, "param2": 12})
        self.assertIn("42", json.dumps(posted.to_dict()))
        got = functions.run_function_with_query_params("python_svc", "simple_sum", args={"param1": "30", "param2": "12"})
        self.assertRegex(json.dumps(got.to_dict()), "3012|42")
        queries = dss_apinode_api.SQLQueriesApi(self.open)
        body = queries.sql_query("sql_svc", "simple_filter", {"param1": 60, "param2": "female"})
        self.assertIn("276", json.dumps(body.to_dict()))
        query = queries.sql_query_with_query_params("sql_svc", "simple_filter", params={"param1": "60", "param2": "female"})
        self.assertEqual(body.to_dict()["results"], query.to_dict()["results"])

    def test_looks_records_up_by_body_and_by_query_parameters(self):
        lookups = dss_apinode_api.LookupsApi(self.open)
        one = lookups.lookup_record("lookup_svc", "passenger_info", {"data": {"PassengerId": 42}})
        self.assertTrue(one.results[0].data["Name"].startswith("Turpin"))
        many = lookups.lookup_records("lookup_svc", "passenger_info", {"items": [{"data": {"PassengerId": 42}}]})
        self.assertEqual(1, len(many.results))
        simple = lookups.lookup_simple("lookup_svc", "passenger_info", keys={"PassengerId": "42"})
        self.assertIn("Turpin", json.dumps(simple.to_dict()))

    def test_answers_a_missing_key_and_a_bad_feature_with_a_dss_error(self):
        unauthorized = self.rejection(dss_apinode_api.PredictionApi(self.open).predict_record,
                                      "fraud_svc", "fraud_detection", {"features": {"a": 1}})
        self.assertEqual(401, unauthorized.status)
        self.assertIn("Unauthorized", unauthorized.data.error_type)
        bad = self.rejection(dss_apinode_api.PredictionApi(self.fraud).predict_record,
                             "fraud_svc", "fraud_detection", {"features": {"transaction_amount": "huge"}})
        self.assertEqual(400, bad.status)
        self.assertIn("transaction_amount", bad.data.detailed_message or bad.data.message)
        missing = self.rejection(dss_apinode_api.FunctionsApi(self.open).run_function_with_query_params,
                                 "python_svc", "simple_sum", args={"param1": "30"})
        self.assertEqual(400, missing.status)
        self.assertIn("param2", missing.data.message)


if __name__ == "__main__":
    unittest.main()
