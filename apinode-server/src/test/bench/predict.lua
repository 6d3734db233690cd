-- wrk -s predict.lua http://127.0.0.1:12000/public/api/v1/iris_svc/iris_species/predict
-- A predict call as dataikuapi sends it: POST, raw JSON body, no Content-Type, explanations block with null members.
wrk.method = "POST"
wrk.body = '{"features": {"sepal_length": 6.7, "sepal_width": 3.0, "petal_length": 5.2, "petal_width": 2.3},' ..
           ' "explanations": {"enabled": null, "method": null, "nExplanations": null, "nMonteCarloSteps": null}}'
