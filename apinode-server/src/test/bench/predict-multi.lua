-- wrk -s predict-multi.lua http://127.0.0.1:12000/public/api/v1/iris_svc/iris_species/predict-multi
-- predict-multi with 10 records per call.
wrk.method = "POST"
local items = {}
for i = 1, 10 do
  items[i] = string.format('{"features": {"sepal_length": %.1f, "sepal_width": 3.0, "petal_length": %.1f, "petal_width": 1.5}}', 4.5 + i * 0.2, 1.0 + i * 0.5)
end
wrk.body = '{"items": [' .. table.concat(items, ", ") .. '], "explanations": {"enabled": null, "method": null, "nExplanations": null, "nMonteCarloSteps": null}}'
